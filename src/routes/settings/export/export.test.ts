import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { databaseKind, useAppDatabase } from '../../../../tests/setup/test-db';
import { signUp } from '$lib/server/auth/accounts';
import { POST } from './+server';

async function download(userId: string) {
	const request = new Request('http://localhost/settings/export', { method: 'POST', body: new URLSearchParams({ format: 'json' }) });
	const event = { request, locals: { user: { id: userId }, locale: 'nl' } };
	try {
		const response = await (POST as (e: unknown) => Promise<Response>)(event);
		return response.status;
	} catch (err) {
		if (isHttpError(err)) return err.status;
		throw err;
	}
}

describe(`export throttle (${databaseKind})`, () => {
	const database = useAppDatabase();

	it('allows ten downloads an hour per person, then answers 429', async () => {
		const db = database();
		const { userId } = await signUp(db, { email: 'exporter@example.org', password: 'a quiet morning walk', displayName: 'Eva', locale: 'nl' });
		const { userId: other } = await signUp(db, { email: 'someone@example.org', password: 'a quiet morning walk', displayName: 'Sim', locale: 'nl' });
		const statuses = [];
		for (let i = 0; i < 11; i++) statuses.push(await download(userId));
		expect(statuses).toEqual([...Array(10).fill(200), 429]);
		expect(await download(other)).toBe(200);
	});
});
