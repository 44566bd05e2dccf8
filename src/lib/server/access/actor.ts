import type { SessionUser } from '../auth/sessions';
import type { Actor } from './policy';

/** The signed-in user as the access policy sees them. */
export function actorOf(user: SessionUser): Actor {
	return { userId: user.id, coupleId: user.coupleId, isAdmin: user.isAdmin };
}
