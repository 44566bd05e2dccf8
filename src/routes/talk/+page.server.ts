import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/access/actor';
import { currentAgreement, openProposal } from '$lib/server/agreements/agreements';
import { countOpenQuestions } from '$lib/server/talk/questions';
import { requireUser } from '$lib/server/http';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const actor = actorOf(user);
	const [agreement, proposal, openQuestions] = await Promise.all([currentAgreement(db, actor), openProposal(db, actor), countOpenQuestions(db, actor)]);
	return {
		inCouple: !!user.coupleId,
		agreed: !!agreement,
		proposalFromPartner: !!proposal && !proposal.mine,
		openQuestions
	};
};
