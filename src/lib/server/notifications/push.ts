import { ECDH } from 'node:crypto';
import webpush from 'web-push';
import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { pushSubscriptions, vapidKeys } from '../db/schema';
import { runAsSystem } from '../db/actor-context';
import { DomainError } from '../errors';
import { newId } from '../security/tokens';
import { getEnv } from '../env';
import { log } from '../log';

/**
 * Web Push: the server's VAPID key pair (made once, kept in the database), the browsers'
 * subscriptions, and sending. A subscription's endpoint comes from the browser, so it is an
 * address the server will call: only https endpoints on the known push services are taken
 * (PUSH_SERVICE_ORIGINS may add others, as the tests do for a loopback push service).
 */

/** The push services browsers use, as data: exact hosts, or a suffix starting with a dot. */
export const KNOWN_PUSH_HOSTS = [
	'fcm.googleapis.com', // Chrome, Edge on Android, Opera, …
	'updates.push.services.mozilla.com', // Firefox
	'push.services.mozilla.com',
	'.notify.windows.com', // Edge on Windows (wns2-*.notify.windows.com)
	'web.push.apple.com' // Safari
] as const;

/** Whether the server may call this endpoint: a known push service over https, or an allowed origin. */
export function isAllowedEndpoint(endpoint: string, extraOrigins: readonly string[] = getEnv().pushServiceOrigins): boolean {
	let url: URL;
	try {
		url = new URL(endpoint);
	} catch {
		return false;
	}
	if (url.username || url.password || endpoint.length > 1000) return false;
	if (extraOrigins.includes(url.origin)) return true;
	if (url.protocol !== 'https:' || url.port !== '') return false;
	const host = url.hostname.toLowerCase();
	return KNOWN_PUSH_HOSTS.some((known) => (known.startsWith('.') ? host.endsWith(known) && host.length > known.length : host === known));
}

export interface VapidKeys {
	publicKey: string;
	privateKey: string;
}

/**
 * The one key pair, made at first use. Two processes starting at once may both generate a pair;
 * the database keeps the first (one row, id 1) and both read that one back.
 */
export async function vapidKeysOf(db: Database): Promise<VapidKeys> {
	const [row] = await db.select({ publicKey: vapidKeys.publicKey, privateKey: vapidKeys.privateKey }).from(vapidKeys).where(eq(vapidKeys.id, 1));
	if (row) return row;
	const fresh = webpush.generateVAPIDKeys();
	await db.insert(vapidKeys).values({ id: 1, publicKey: fresh.publicKey, privateKey: fresh.privateKey }).onConflictDoNothing();
	const [kept] = await db.select({ publicKey: vapidKeys.publicKey, privateKey: vapidKeys.privateKey }).from(vapidKeys).where(eq(vapidKeys.id, 1));
	return kept;
}

/** The public key for a browser to subscribe with; read only (keys are made at start-up). */
export async function vapidPublicKey(db: Database): Promise<string | null> {
	const [row] = await db.select({ publicKey: vapidKeys.publicKey }).from(vapidKeys).where(eq(vapidKeys.id, 1));
	return row?.publicKey ?? null;
}

export interface SubscriptionInput {
	endpoint: string;
	p256dh: string;
	auth: string;
}

/**
 * Keeps this browser's subscription for the signed-in person. A browser has one subscription
 * whoever uses it: when someone else turns notifications on in the same browser, the device is
 * theirs from then on (the earlier person's row moves, as system work: it is not theirs to see).
 */
export async function savePushSubscription(db: Database, userId: string, input: SubscriptionInput, extraOrigins: readonly string[] = getEnv().pushServiceOrigins) {
	if (!isAllowedEndpoint(input.endpoint, extraOrigins)) throw new DomainError('push_endpoint_refused');
	// Keys that cannot encrypt would fail every later notice; refuse them now, with a message.
	if (!isPushKeyPair(input.p256dh, input.auth)) throw new DomainError('push_endpoint_refused');
	await runAsSystem(() =>
		db
			.insert(pushSubscriptions)
			.values({ id: newId(), userId, endpoint: input.endpoint, p256dh: input.p256dh, auth: input.auth })
			.onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: { userId, p256dh: input.p256dh, auth: input.auth, createdAt: new Date() } })
	);
}

/** A browser's key: an uncompressed point on P-256 (65 bytes); its secret: 16 bytes (RFC 8291). */
export function isPushKeyPair(p256dh: string, auth: string): boolean {
	try {
		const key = Buffer.from(p256dh, 'base64url');
		if (key.length !== 65 || key[0] !== 4 || Buffer.from(auth, 'base64url').length !== 16) return false;
		ECDH.convertKey(key, 'prime256v1');
		return true;
	} catch {
		return false;
	}
}

export async function countPushSubscriptions(db: Database, userId: string) {
	const rows = await db.select({ id: pushSubscriptions.id }).from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
	return rows.length;
}

/** "Turn off on all my devices". */
export async function removePushSubscriptions(db: Database, userId: string) {
	await db.delete(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
}

export type PushOutcome = 'sent' | 'gone' | 'failed';

export interface PushMessage {
	title: string;
	body: string;
	/** A path on this site, opened when the notice is clicked. */
	url: string;
}

/** `ttlSeconds`: how long the push service may hold the message for a device that is offline. */
export type PushSender = (subscription: SubscriptionInput, message: PushMessage, options?: { ttlSeconds?: number }) => Promise<PushOutcome>;

/** A day, unless quiet hours start sooner: a phone that comes back online must not light up in them. */
export const PUSH_TTL_SECONDS = 24 * 60 * 60;

/** VAPID's subject: the site when it is https, else the sender address of our e-mails. */
function vapidSubject() {
	const env = getEnv();
	if (env.publicOrigin.startsWith('https://')) return env.publicOrigin;
	const address = /<([^>]+)>/.exec(env.MAIL_FROM)?.[1] ?? env.MAIL_FROM;
	return `mailto:${address.trim()}`;
}

/**
 * Sends with web-push's request details (VAPID header, aes128gcm encryption) and our own fetch:
 * web-push's sender insists on https, and we want the endpoint check, a time limit and no
 * redirects. The endpoint is checked again here: settings may have changed since it was saved.
 */
export function createPushSender(keys: VapidKeys, options: { extraOrigins?: readonly string[]; timeoutMs?: number } = {}): PushSender {
	return async (subscription, message, sendOptions = {}) => {
		if (!isAllowedEndpoint(subscription.endpoint, options.extraOrigins)) return 'gone';
		let details: ReturnType<typeof webpush.generateRequestDetails>;
		try {
			details = webpush.generateRequestDetails(
				{ endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
				JSON.stringify(message),
				{ vapidDetails: { subject: vapidSubject(), publicKey: keys.publicKey, privateKey: keys.privateKey }, TTL: Math.max(0, Math.floor(sendOptions.ttlSeconds ?? PUSH_TTL_SECONDS)), contentEncoding: 'aes128gcm', urgency: 'normal' }
			);
		} catch (err) {
			// Keys nothing can encrypt for (saved before they were checked): the device cannot be reached.
			log.error('push.failed', { type: err instanceof Error ? err.name : typeof err });
			return 'gone';
		}
		const headers = Object.fromEntries(Object.entries(details.headers).filter(([name]) => name.toLowerCase() !== 'content-length').map(([k, v]) => [k, String(v)]));
		try {
			const response = await fetch(details.endpoint, {
				method: details.method,
				headers,
				body: details.body ? new Uint8Array(details.body) : undefined,
				redirect: 'manual',
				signal: AbortSignal.timeout(options.timeoutMs ?? 10_000)
			});
			await response.arrayBuffer().catch(() => undefined);
			if (response.status === 404 || response.status === 410) return 'gone';
			if (response.ok) return 'sent';
			log.error('push.failed', { status: response.status });
			return 'failed';
		} catch (err) {
			log.error('push.failed', { type: err instanceof Error ? err.name : typeof err });
			return 'failed';
		}
	};
}
