import type { SessionUser } from '../auth/sessions';
import type { Partner } from '../couple/membership';
import type { Actor } from './policy';

/**
 * The signed-in user as the access policy sees them; with the partner the session read, when it
 * did, for `partnerIn` (the policy itself never looks at it).
 */
export function actorOf(user: SessionUser): Actor & { partner?: Partner | null } {
	const actor: Actor & { partner?: Partner | null } = { userId: user.id, coupleId: user.coupleId, isAdmin: user.isAdmin };
	if (user.partner !== undefined) actor.partner = user.partner;
	return actor;
}
