import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/access/actor';
import { actionFailure, invalid, parseForm, requireUser } from '$lib/server/http';
import { formKeyOf, newFormKey } from '$lib/server/forms/once';
import { addMemory, deleteMemory, memoriesPage, setMemoryHidden } from '$lib/server/trust/memories';
import { dayKeysetCursorSchema, formatDayCursor } from '$lib/schemas/cursor';
import { pageLinks } from '$lib/server/page-links';
import { dayOf } from '$lib/server/trust/days';
import { idSchema } from '$lib/schemas/couple';
import { memorySchema } from '$lib/schemas/trust';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	// A cursor that cannot be read shows the newest memories.
	const before = dayKeysetCursorSchema.parse(event.url.searchParams.get('before'));
	const journal = await memoriesPage(getDb(), actorOf(user), before);
	return {
		inCouple: !!user.coupleId,
		today: dayOf(new Date()),
		formKey: newFormKey(),
		memories: journal.memories.map((x) => ({ id: x.id, mine: x.mine, day: x.day, body: x.body, feeling: x.feeling, hidden: x.hidden, current: x.current })),
		journalPages: pageLinks('before', journal.older && formatDayCursor(journal.older), before && formatDayCursor(before), 'journal')
	};
};

function byId(run: (actor: ReturnType<typeof actorOf>, id: string) => Promise<void>, result: Record<string, boolean>) {
	return async (event: Parameters<Actions[string]>[0]) => {
		const user = requireUser(event);
		const parsed = parseForm(idSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		try {
			await run(actorOf(user), parsed.data.id);
		} catch (err) {
			return actionFailure(err);
		}
		return result;
	};
}

export const actions: Actions = {
	add: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const echoed = { day: String(form.get('day') ?? ''), body: String(form.get('body') ?? ''), feeling: String(form.get('feeling') ?? '') };
		const parsed = parseForm(memorySchema, form);
		if (!parsed.ok) return invalid(parsed.errors, echoed);
		try {
			await addMemory(getDb(), actorOf(user), parsed.data, formKeyOf(form));
		} catch (err) {
			return actionFailure(err, echoed);
		}
		return { added: true };
	},
	hide: byId((actor, id) => setMemoryHidden(getDb(), actor, id, true), { hidden: true }),
	show: byId((actor, id) => setMemoryHidden(getDb(), actor, id, false), { shown: true }),
	delete: byId((actor, id) => deleteMemory(getDb(), actor, id), { deleted: true })
};
