import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '../env';
import { configFromEnv } from '.';
import { connectionSettings, currentActor, runAsActor, runAsSystem, runOnAnyConnection } from './actor-context';

describe('the acting user of a piece of work', () => {
	it('is nobody outside a request, the user inside one, and keeps the user in system work', async () => {
		expect(connectionSettings()).toEqual({ userId: '', system: 'off' });
		await runAsActor('u1', async () => {
			await Promise.resolve();
			expect(connectionSettings()).toEqual({ userId: 'u1', system: 'off' });
			await runAsSystem(async () => expect(connectionSettings()).toEqual({ userId: 'u1', system: 'on' }));
			expect(connectionSettings()).toEqual({ userId: 'u1', system: 'off' });
		});
		expect(currentActor()).toBeUndefined();
	});

	it('has no settings to tell a connection in work on unprotected tables, and has them again in work for someone inside it', async () => {
		await runAsActor('u1', async () => {
			await runOnAnyConnection(async () => {
				await Promise.resolve();
				expect(connectionSettings()).toBeNull();
				// The person is still known to the work (the refusal note), only not told to the connection.
				expect(currentActor()?.userId).toBe('u1');
				await runAsActor('u2', async () => expect(connectionSettings()).toEqual({ userId: 'u2', system: 'off' }));
				await runAsSystem(async () => expect(connectionSettings()).toEqual({ userId: 'u1', system: 'on' }));
			});
			expect(connectionSettings()).toEqual({ userId: 'u1', system: 'off' });
		});
	});

	it('shares the count of open transactions with the work nested in it, and starts a new count for a new request', async () => {
		await runAsActor('u1', async () => {
			const outer = currentActor()!.transactions;
			outer.open++;
			await runAsSystem(async () => expect(currentActor()?.transactions).toBe(outer));
			await runOnAnyConnection(async () => expect(currentActor()?.transactions).toBe(outer));
			await runAsActor('u2', async () => expect(currentActor()?.transactions).toBe(outer));
			outer.open--;
		});
		await runAsActor('u3', async () => expect(currentActor()?.transactions).toEqual({ open: 0 }));
	});

	it('takes the owner connection for migrations from MIGRATION_DATABASE_URL', () => {
		expect(configFromEnv({ DATABASE_URL: 'postgres://app@h/db', MIGRATION_DATABASE_URL: 'postgres://owner@h/db', dataDir: '/d' })).toEqual({
			kind: 'postgres',
			url: 'postgres://app@h/db',
			migrationUrl: 'postgres://owner@h/db'
		});
		expect(configFromEnv({ DATABASE_URL: 'postgres://owner@h/db', dataDir: '/d' })).toEqual({ kind: 'postgres', url: 'postgres://owner@h/db' });
		expect(parseEnv({ MIGRATION_DATABASE_URL: 'postgres://owner@h/db' }).MIGRATION_DATABASE_URL).toBe('postgres://owner@h/db');
		expect(() => parseEnv({ MIGRATION_DATABASE_URL: 'mysql://owner@h/db' })).toThrow(EnvError);
	});
});
