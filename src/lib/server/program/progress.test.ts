import { beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db';
import { signUp } from '../auth/accounts';
import { DomainError } from '../errors';
import { getProgress, markStepDone, markStepUndone } from './progress';

describe(`program progress (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	let a: string;
	let b: string;
	beforeAll(async () => {
		db = database();
		a = (await signUp(db, { email: 'a@example.org', password: 'long enough pass', displayName: 'A', locale: 'nl' })).userId;
		b = (await signUp(db, { email: 'b@example.org', password: 'long enough pass', displayName: 'B', locale: 'en' })).userId;
	});

	it('marks steps done and undone, idempotently, per user', async () => {
		await markStepDone(db, a, 'repairing', 'confess');
		await markStepDone(db, a, 'repairing', 'confess');
		await markStepDone(db, a, 'repairing', 'listen');
		let progress = await getProgress(db, a, 'repairing');
		expect(progress.done).toBe(2);
		expect(progress.total).toBe(8);
		expect(progress.percent).toBe(25);
		expect(progress.steps.filter((s) => s.doneAt).map((s) => s.slug)).toEqual(['confess', 'listen']);
		expect((await getProgress(db, b, 'repairing')).done).toBe(0);

		await markStepUndone(db, a, 'repairing', 'confess');
		progress = await getProgress(db, a, 'repairing');
		expect(progress.steps.filter((s) => s.doneAt).map((s) => s.slug)).toEqual(['listen']);
	});

	it('rejects a step that is not in the track', async () => {
		await expect(markStepDone(db, a, 'hurt', 'confess')).rejects.toBeInstanceOf(DomainError);
		await expect(markStepUndone(db, a, 'repairing', '../etc')).rejects.toThrow('unknown_step');
	});
});
