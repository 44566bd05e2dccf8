import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { users } from '../db/schema';
import { DomainError } from '../errors';
import { hashPassword } from '../auth/password';
import { confirmPassword } from '../auth/accounts';
import { recordConsent } from '../consent/consent';
import { newId, newToken } from '../security/tokens';
import { recordSecurityEvent } from '../security/events';
import { coupleIdOf, leaveCouple } from '../couple/membership';

export type Role = 'repairing' | 'hurt';
type Locale = 'nl' | 'en';

export async function chooseRole(db: Database, userId: string, role: Role) {
	await db.update(users).set({ role }).where(eq(users.id, userId));
}

export async function setLocale(db: Database, userId: string, locale: Locale) {
	await db.update(users).set({ locale }).where(eq(users.id, userId));
}

/**
 * Creates or promotes an administrator (CLI). A new admin gets a random password and is told to
 * use "forgot password", so no password ever passes through a shell history.
 */
export async function createAdmin(db: Database, email: string, now = new Date()) {
	const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
	if (existing) {
		await db.update(users).set({ isAdmin: true }).where(eq(users.id, existing.id));
		return { created: false };
	}
	await db.insert(users).values({
		id: newId(),
		email,
		passwordHash: await hashPassword(newToken()),
		displayName: 'Admin',
		isAdmin: true,
		adultConfirmedAt: now
	});
	return { created: true };
}

/**
 * Withdrawing consent and deleting the account are the same act: without consent we may not keep
 * the data. The withdrawal is recorded first, then everything of the user goes (cascading foreign
 * keys remove sessions, tokens, progress, drafts, reflections, letters sent, needs, events and
 * consent events; letters the partner sent keep existing for the partner).
 */
export async function deleteAccount(db: Database, input: { userId: string; password: string; locale: Locale }) {
	await confirmPassword(db, input.userId, input.password);
	await recordConsent(db, input.userId, 'withdrawn', input.locale);
	// Ending the couple first withdraws everything shared, exactly as leaving does.
	if (await coupleIdOf(db, input.userId)) await leaveCouple(db, input.userId, 'deleted');
	const deleted = await db.delete(users).where(eq(users.id, input.userId)).returning({ id: users.id });
	if (deleted.length !== 1) throw new DomainError('not_found');
	await recordSecurityEvent(db, null, 'account-deleted');
}
