import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db';
import { DomainError } from '../errors';
import { analysisPool, analyzeOffThread, ANALYZE_FORM_LIMIT, limitAnalysis } from './analyze';

const codeOf = (promise: Promise<unknown>) =>
	promise.then(
		() => 'ok',
		(err: unknown) => (err instanceof DomainError ? err.code : String(err))
	);

describe(`per-user limit on checking an apology (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	beforeAll(() => {
		db = database();
	});
	afterAll(() => analysisPool().close());

	it(`allows ${ANALYZE_FORM_LIMIT.max} checks a minute per user, then refuses with a wait, without touching other users`, async () => {
		for (let i = 0; i < ANALYZE_FORM_LIMIT.max; i++) await limitAnalysis(db, 'user-a');
		const refused = await limitAnalysis(db, 'user-a').catch((err: unknown) => err);
		expect(refused).toBeInstanceOf(DomainError);
		expect((refused as DomainError).code).toBe('too_many_attempts');
		expect((refused as DomainError).retryAfterSeconds).toBeGreaterThan(0);
		await expect(limitAnalysis(db, 'user-b')).resolves.toBeUndefined();
	});

	it('refuses the text when the limit is reached, before it reaches a worker', async () => {
		const admit = () => limitAnalysis(db, 'user-a');
		expect(await codeOf(analyzeOffThread('Het spijt me.', { owner: 'user:user-a', admit }))).toBe('too_many_attempts');
		expect(analysisPool().stats().queued).toBe(0);
		expect(await codeOf(analyzeOffThread('Het spijt me.', { owner: 'user:user-c', admit: () => limitAnalysis(db, 'user-c') }))).toBe('ok');
	});
});
