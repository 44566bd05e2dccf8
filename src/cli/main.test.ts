import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { main } from './main';

function io() {
	const out: string[] = [];
	const err: string[] = [];
	return {
		io: { stdin: Readable.from([]), stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } },
		out: () => out.join(''),
		err: () => err.join('')
	};
}

describe('herstelpad CLI', () => {
	it('prints help with exit 0, and usage with exit 2 when called without a command', async () => {
		const help = io();
		expect(await main(['--help'], help.io)).toBe(0);
		expect(help.out()).toContain('admin create <email>');
		const bare = io();
		expect(await main([], bare.io)).toBe(2);
	});

	it('rejects unknown commands and bad arguments with exit 2', async () => {
		const unknown = io();
		expect(await main(['frobnicate'], unknown.io)).toBe(2);
		expect(unknown.err()).toContain('unknown command: frobnicate');
		const bad = io();
		expect(await main(['admin', 'create', 'not-an-address'], bad.io)).toBe(2);
		expect(bad.err()).toContain('not a valid e-mail address');
		const missing = io();
		expect(await main(['admin', 'create'], missing.io)).toBe(2);
		expect(await main(['migrate', 'extra'], io().io)).toBe(2);
		const role = io();
		expect(await main(['grant-app-role', 'x; drop table users'], role.io)).toBe(2);
		expect(role.err()).toContain('not a plain role name');
		expect(await main(['grant-app-role'], io().io)).toBe(2);
	});

	it('migrates and creates an admin in DATA_DIR', async () => {
		const migrate = io();
		expect(await main(['migrate'], migrate.io)).toBe(0);
		expect(migrate.out()).toContain('Migrations applied');
		const admin = io();
		expect(await main(['admin', 'create', 'Chief@Example.org'], admin.io)).toBe(0);
		expect(admin.out()).toContain('chief@example.org created');
		const again = io();
		expect(await main(['admin', 'create', 'chief@example.org', 'deputy@example.org'], again.io)).toBe(0);
		expect(again.out()).toContain('chief@example.org is now an administrator');
		expect(again.out()).toContain('deputy@example.org created');
		const oneBad = io();
		expect(await main(['admin', 'create', 'third@example.org', 'nope'], oneBad.io)).toBe(2);
		expect(oneBad.out()).toBe('');
	}, 120_000); // opening and migrating PGlite four times takes over 30 s on a busy shared machine

	it('seed-demo checks its options, refuses a database with real accounts, and seeds with --force', async () => {
		for (const args of [[], ['--couples'], ['--couples', 'many'], ['--couples', '0'], ['--couples', '2', '--days', '3'], ['--couples', '2', '--colour', 'red'], ['2']]) {
			expect(await main(['seed-demo', ...args], io().io), args.join(' ')).toBe(2);
		}
		// The administrators made above are real accounts.
		const refused = io();
		expect(await main(['seed-demo', '--couples', '2'], refused.io)).toBe(1);
		expect(refused.err()).toContain('seed-demo refused');
		const seeded = io();
		expect(await main(['seed-demo', '--couples', '2', '--days', '30', '--seed', '5', '--force'], seeded.io)).toBe(0);
		expect(seeded.out()).toContain('demo-1-a@demo.herstelpad.invalid');
		expect(seeded.out()).toContain('password: rustig demo pad 2026');
	}, 120_000);

	it('runs as an executable without a build step', () => {
		const out = execFileSync(process.execPath, ['bin/herstelpad.js', '--help'], { encoding: 'utf8' });
		expect(out).toContain('Usage: herstelpad');
		const failed = spawnSync(process.execPath, ['bin/herstelpad.js', 'nope'], { encoding: 'utf8' });
		expect(failed.status).toBe(2);
		// Two fresh Node processes compiling the CLI's TypeScript: over 30 s on a busy 2-core machine.
	}, 90_000);
});
