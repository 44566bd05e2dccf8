import { describe, expect, it } from 'vitest';
import { isRedirect } from '@sveltejs/kit';
import { databaseKind, useAppDatabase } from '../../../../tests/setup/test-db';
import { listForModeration } from '$lib/server/comments/comments';
import { actions } from './+page.server';

/** Posts the comment form to the real action, as the browser does without JavaScript. */
async function post(fields: Record<string, string>, slug = 'why-it-happens', address = '198.51.100.7') {
	const request = new Request(`http://localhost/guide/${slug}?/comment`, { method: 'POST', body: new URLSearchParams(fields) });
	const event = { request, params: { slug }, locals: { user: null, locale: 'nl', address }, url: new URL(request.url) };
	try {
		return { result: await (actions.comment as (e: unknown) => Promise<unknown>)(event) };
	} catch (err) {
		if (isRedirect(err)) return { redirect: err.location };
		throw err;
	}
}

describe(`comment form (${databaseKind})`, () => {
	const database = useAppDatabase();
	// The moderators' view of the queue (on the owner's connection, as in the other route tests).
	const queue = () => listForModeration(database(), { userId: 'test-moderator', coupleId: null, isAdmin: true });

	it('answers every missing field with its own message, and keeps what was typed', async () => {
		const { result } = await post({ name: ' ', email: '', body: 'Mijn verhaal', formKey: 'k'.repeat(20) });
		expect(result).toMatchObject({
			status: 400,
			data: {
				errors: { name: 'Vul een naam in. Een voornaam of bijnaam is genoeg.', email: 'Vul je e-mailadres in. We tonen het nergens.' },
				values: { body: 'Mijn verhaal' }
			}
		});
		const bad = await post({ name: 'Sam', email: 'geen-adres', body: '' });
		expect(bad.result).toMatchObject({ status: 400, data: { errors: { email: 'Vul een geldig e-mailadres in.', body: 'Schrijf je reactie in het tekstvak.' } } });
	});

	it('stores a valid comment as pending and sends the writer to "awaiting moderation"', async () => {
		const sent = await post({ name: 'Sam', email: 'sam@example.org', body: 'Dank voor dit stuk.', formKey: 'a'.repeat(24) });
		expect(sent.redirect).toBe('/guide/why-it-happens?comment=awaiting#comment-status');
		expect((await queue()).map((c) => c.body)).toContain('Dank voor dit stuk.');
	});

	it('thanks a filled-in honeypot the same way, and stores nothing', async () => {
		const before = (await queue()).length;
		const caught = await post({ name: 'Bot', email: 'bot@example.org', body: 'Buy now', website: 'http://spam.example' }, 'why-it-happens', '203.0.113.9');
		expect(caught.redirect).toBe('/guide/why-it-happens?comment=awaiting#comment-status');
		expect((await queue()).length).toBe(before);
	});

	it('refuses a reply to something that is not a published comment, keeping the text', async () => {
		const { result } = await post({ name: 'Sam', email: 'sam@example.org', body: 'Antwoord', parentId: '00000000-0000-4000-8000-000000000000' });
		expect(result).toMatchObject({ status: 400, data: { code: 'comment_reply_invalid', values: { body: 'Antwoord' } } });
		const malformed = await post({ name: 'Sam', email: 'sam@example.org', body: 'Antwoord', parentId: 'not-an-id' });
		expect(malformed.result).toMatchObject({ status: 400 });
	});
});
