import type { Database } from '../../src/lib/server/db';
import { signUp } from '../../src/lib/server/auth/accounts';
import { validateSession } from '../../src/lib/server/auth/sessions';
import { acceptInvitation, createInvitation } from '../../src/lib/server/couple/invitations';
import { chooseRole } from '../../src/lib/server/users/users';
import { actAs } from '../../src/lib/server/access/refusals';

export interface PersonSpec {
	/** Also the start of the e-mail address, so it must be unique within the test's database. */
	name: string;
	role?: 'repairing' | 'hurt';
	locale?: 'nl' | 'en';
}

export interface TestPerson {
	userId: string;
	/** The session `signUp` opened, as a browser would hold it. */
	session: { token: string };
	/** Acting as this person in their couple (null while solo). */
	actor: { userId: string; coupleId: string | null };
}

/** Signs someone up through the real service, with a role when one is given. */
export async function signUpPerson(db: Database, { name, role, locale = 'nl' }: PersonSpec): Promise<TestPerson> {
	const { userId, session } = await signUp(db, { email: `${name}@example.org`, password: 'a quiet morning walk', displayName: name, locale });
	if (role) await chooseRole(db, userId, role);
	return { userId, session, actor: { userId, coupleId: null } };
}

/** Two people signed up who formed a couple through a real invitation: the first invites, the second accepts. */
export async function signUpCouple(db: Database, first: PersonSpec, second: PersonSpec) {
	const a = await signUpPerson(db, first);
	const b = await signUpPerson(db, second);
	const { coupleId } = await acceptInvitation(db, b.userId, (await createInvitation(db, a.userId)).token);
	for (const person of [a, b]) person.actor = { userId: person.userId, coupleId };
	return { first: a, second: b, coupleId };
}

/**
 * Runs a page's server `load` as a signed-in person would reach it: their session validated, the
 * request acting as them, at `path` (its route `routeId`, with `params`) and `search` (a query
 * string, or '').
 */
export async function loadPageAs<T>(
	db: Database,
	person: TestPerson,
	load: unknown,
	{ path, search = '', locale = 'nl', routeId = path, params = {} }: { path: string; search?: string; locale?: 'nl' | 'en'; routeId?: string; params?: Record<string, string> }
): Promise<T> {
	const user = (await validateSession(db, person.session.token))!.user;
	const url = new URL(`http://herstelpad.test${locale === 'en' ? '/en' : ''}${path}${search}`);
	const event = { locals: { user, locale, address: '127.0.0.1' }, url, params, route: { id: routeId } };
	return (await actAs(db, person.userId, () => (load as (e: unknown) => Promise<T>)(event))) as T;
}
