import { beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db';
import { useSecondProcess } from '../../../../tests/setup/second-process';
import { clearLimitsStartingWith, hitLimit, refundHit } from './rate-limit';

const limit = { max: 5, windowSeconds: 60 };

describe(`rate limits (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	const secondProcess = useSecondProcess(database);
	let otherDb: Database;

	beforeAll(async () => {
		db = database();
		otherDb = secondProcess();
	});

	it('allows exactly `max` of 100 parallel hits, shared between two app processes', async () => {
		const states = await Promise.all(Array.from({ length: 100 }, (_, i) => hitLimit(i % 2 ? otherDb : db, 'test:parallel', limit)));
		expect(states.filter((s) => s.allowed)).toHaveLength(limit.max);
		expect(states.filter((s) => !s.allowed).every((s) => s.retryAfterSeconds > 0 && s.retryAfterSeconds <= 60)).toBe(true);
	});

	it('restarts a window that has run out', async () => {
		const past = new Date(Date.now() - 61_000);
		for (let i = 0; i <= limit.max; i++) await hitLimit(db, 'test:window', limit, past);
		expect((await hitLimit(db, 'test:window', limit, past)).allowed).toBe(false);
		expect((await hitLimit(db, 'test:window', limit)).allowed).toBe(true);
	});

	it('gives back a refunded hit, never going below zero', async () => {
		for (let i = 0; i < limit.max; i++) await hitLimit(db, 'test:refund', limit);
		await refundHit(db, 'test:refund');
		expect((await hitLimit(db, 'test:refund', limit)).allowed).toBe(true);
		expect((await hitLimit(db, 'test:refund', limit)).allowed).toBe(false);

		await hitLimit(db, 'test:refund-once', limit);
		for (let i = 0; i < 3; i++) await refundHit(db, 'test:refund-once');
		for (let i = 0; i < limit.max; i++) expect((await hitLimit(db, 'test:refund-once', limit)).allowed).toBe(true);
		expect((await hitLimit(db, 'test:refund-once', limit)).allowed).toBe(false);
	});

	it('clears the windows under one prefix only, reading _ and % as plain characters', async () => {
		const full = async (key: string) => {
			for (let i = 0; i < limit.max; i++) await hitLimit(db, key, limit);
		};
		await full('signin:account:a_b@example.org:10.0.0.1');
		await full('signin:account:a_b@example.org:10.0.0.2');
		await full('signin:account:axb@example.org:10.0.0.1');
		await full('signin:account:a%@example.org:10.0.0.1');
		await clearLimitsStartingWith(db, 'signin:account:a_b@example.org:');
		expect((await hitLimit(db, 'signin:account:a_b@example.org:10.0.0.1', limit)).allowed).toBe(true);
		expect((await hitLimit(db, 'signin:account:a_b@example.org:10.0.0.2', limit)).allowed).toBe(true);
		expect((await hitLimit(db, 'signin:account:axb@example.org:10.0.0.1', limit)).allowed).toBe(false);
		await clearLimitsStartingWith(db, 'signin:account:a%');
		expect((await hitLimit(db, 'signin:account:axb@example.org:10.0.0.1', limit)).allowed).toBe(false);
		expect((await hitLimit(db, 'signin:account:a%@example.org:10.0.0.1', limit)).allowed).toBe(true);
	});
});
