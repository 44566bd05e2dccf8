import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { Database } from '../db';
import { formSubmissions } from '../db/schema';
import { DomainError } from '../errors';
import { hashToken, newToken } from '../security/tokens';

/**
 * Every creating form carries a key made when the form was rendered (a hidden `formKey` field, so
 * it works with and without JavaScript). The first submission with a key creates the item; a double
 * click, a second `use:enhance` request or a replayed post with the same key gets that same item
 * back instead of a copy. The key is claimed in the same transaction as the item is created, so a
 * failed creation leaves the key free for a retry.
 */

export const FORM_KEY_FIELD = 'formKey';

export function newFormKey() {
	return newToken();
}

/**
 * The key a form sent, bound to what it sent; undefined when it sent no key (then nothing can be
 * deduplicated). A double click or a replayed post sends the same fields again and gets the first
 * item back; a second, different entry sent before the page had its new key (a quick second note)
 * is not a repeat and must not be dropped, so the fields are part of the key.
 */
export function formKeyOf(form: FormData): string | undefined {
	const key = form.get(FORM_KEY_FIELD);
	if (!(typeof key === 'string' && key.length >= 16 && key.length <= 200)) return undefined;
	const fields = [...form.entries()]
		.filter(([name]) => name !== FORM_KEY_FIELD)
		.map(([name, value]) => [name, typeof value === 'string' ? value : `${value.name}:${value.size}:${value.type}`])
		.sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1));
	return `${key}.${createHash('sha256').update(JSON.stringify(fields)).digest('base64url')}`;
}

/** Keys only need to outlive a double click or a reload; a day is plenty. */
const KEEP_MS = 24 * 60 * 60 * 1000;

export async function once(
	db: Database,
	userId: string,
	key: string | undefined,
	kind: string,
	create: (tx: Database) => Promise<string>
): Promise<{ id: string; replay: boolean }> {
	if (!key) return { id: await create(db), replay: false };
	const keyHash = hashToken(key);
	return db.transaction(async (raw) => {
		const tx = raw as unknown as Database;
		await tx.delete(formSubmissions).where(and(eq(formSubmissions.userId, userId), lt(formSubmissions.createdAt, new Date(Date.now() - KEEP_MS))));
		// A concurrent submission with the same key waits here on the primary key until the first commits.
		const [claimed] = await tx.insert(formSubmissions).values({ userId, keyHash, kind }).onConflictDoNothing().returning({ keyHash: formSubmissions.keyHash });
		if (!claimed) {
			const [earlier] = await tx
				.select({ kind: formSubmissions.kind, itemId: formSubmissions.itemId })
				.from(formSubmissions)
				.where(and(eq(formSubmissions.userId, userId), eq(formSubmissions.keyHash, keyHash)));
			if (!earlier?.itemId || earlier.kind !== kind) throw new DomainError('conflict');
			return { id: earlier.itemId, replay: true };
		}
		const id = await create(tx);
		await tx.update(formSubmissions).set({ itemId: id }).where(and(eq(formSubmissions.userId, userId), eq(formSubmissions.keyHash, keyHash)));
		return { id, replay: false };
	});
}
