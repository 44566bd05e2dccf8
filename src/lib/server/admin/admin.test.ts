import { beforeAll, describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { databaseKind, useAppDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db';
import { signUp } from '../auth/accounts';
import { validateSession, createSession, type SessionUser } from '../auth/sessions';
import { chooseRole, createAdmin } from '../users/users';
import { acceptInvitation, createInvitation } from '../couple/invitations';
import { createReflection } from '../reflections/reflections';
import { siteCounts } from './counts';
import { requireAdmin } from './require-admin';
import { load as adminLoad } from '../../../routes/admin/+page.server';
import { load as adminLayoutLoad } from '../../../routes/admin/+layout.server';

const pass = 'long enough pass';

/** The signed-in user exactly as the session handle would put it in `locals`. */
async function sessionUser(db: Database, userId: string): Promise<SessionUser> {
	const { token } = await createSession(db, userId);
	const session = await validateSession(db, token);
	return session!.user;
}

async function status(run: () => unknown): Promise<number> {
	try {
		await run();
		return 200;
	} catch (err) {
		if (isHttpError(err)) return err.status;
		throw err;
	}
}

describe(`admin area (${databaseKind})`, () => {
	const database = useAppDatabase();
	let db: Database;
	let admin: SessionUser;
	let member: SessionUser;

	beforeAll(async () => {
		db = database();
		const make = async (name: string, role: 'repairing' | 'hurt' | null) => {
			const { userId } = await signUp(db, { email: `${name}@example.org`, password: pass, displayName: name, locale: 'nl' });
			if (role) await chooseRole(db, userId, role);
			return userId;
		};
		const ann = await make('ann', 'repairing');
		const bo = await make('bo', 'hurt');
		await make('cas', 'repairing');
		await make('dee', null);
		const { token } = await createInvitation(db, ann);
		await acceptInvitation(db, bo, token);
		await createReflection(db, { userId: ann, coupleId: null }, { prompt: 'why-it-happened', body: 'Something only Ann may read' });
		// The command line's own service makes the administrator (here promoting an account).
		const root = await make('root', null);
		expect(await createAdmin(db, 'root@example.org')).toEqual({ created: false });
		admin = await sessionUser(db, root);
		member = await sessionUser(db, ann);
	});

	it('counts accounts, roles and couples, and gives numbers only', async () => {
		const counts = await siteCounts(db, { userId: admin.id, coupleId: null, isAdmin: true });
		expect(counts).toEqual({ accounts: 5, repairing: 2, hurt: 1, noRoleYet: 2, couples: 1 });
		expect(Object.values(counts).every((v) => typeof v === 'number')).toBe(true);
	});

	it('refuses the counts to anyone who is not an administrator', async () => {
		await expect(siteCounts(db, { userId: member.id, coupleId: member.coupleId })).rejects.toThrow('not_found');
	});

	it('answers 404 to visitors and ordinary members, and opens for an administrator', async () => {
		expect(admin.isAdmin).toBe(true);
		for (const user of [null, member]) {
			const locals = { user, locale: 'nl' } as App.Locals;
			expect(await status(() => requireAdmin({ locals }))).toBe(404);
			expect(await status(() => adminLayoutLoad({ locals } as never))).toBe(404);
			expect(await status(() => adminLoad({ locals } as never))).toBe(404);
		}
		const page = (await adminLoad({ locals: { user: admin, locale: 'nl' } } as never)) as { counts: Record<string, number> };
		expect(page.counts.accounts).toBe(5);
		// Nothing anyone wrote reaches the page's data.
		expect(JSON.stringify(page)).not.toContain('Ann');
		expect(JSON.stringify(page)).not.toContain('example.org');
	});
});
