import { error, type RequestEvent } from '@sveltejs/kit';
import { actorOf } from '../access/actor';
import { assertSiteTask, type Actor } from '../access/policy';
import { errorText } from '$lib/i18n';
import type { SessionUser } from '../auth/sessions';

/**
 * The gate of every /admin page and action. Being an administrator is `users.is_admin`, set only
 * by the command line (`herstelpad admin create <email>`) and read fresh from the database on
 * every request with the session, so a demotion counts at once. Anyone else, signed in or not,
 * gets the same 404 as for a page that does not exist: the admin area does not announce itself.
 */
export function requireAdmin(event: Pick<RequestEvent, 'locals'>): { user: SessionUser; actor: Actor } {
	const user = event.locals.user;
	const actor = user ? actorOf(user) : null;
	try {
		assertSiteTask(actor, 'see-counts');
	} catch {
		error(404, errorText('not_found'));
	}
	return { user: user!, actor: actor! };
}
