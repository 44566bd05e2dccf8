import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { DomainError } from '$lib/server/errors';
import { unsubscribeByToken } from '$lib/server/notifications/outbox';
import { notificationTokenSchema } from '$lib/schemas/notifications';

/**
 * RFC 8058 one-click unsubscribe: a mail program's own "unsubscribe" button POSTs
 * `List-Unsubscribe=One-Click` here, signed out and from no page of ours (so the CSRF check lets
 * this one path through: the token is the proof, and all it can do is turn e-mails off).
 */
export const POST: RequestHandler = async ({ url, request }) => {
	const parsed = notificationTokenSchema.safeParse({ token: url.searchParams.get('token') ?? '' });
	await request.arrayBuffer().catch(() => undefined);
	if (!parsed.success) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	try {
		await unsubscribeByToken(getDb(), parsed.data.token);
	} catch (err) {
		if (err instanceof DomainError) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
		throw err;
	}
	return new Response('Unsubscribed', { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
