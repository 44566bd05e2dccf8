import { afterEach, describe, expect, it, vi } from 'vitest';
import { keyBytes, subscribeToPush } from './push-subscription';

const KEY = 'BPz-_w';

/** A browser with push: `permission` is what the prompt answers; `subscribe` the push manager's. */
function browser(permission: NotificationPermission, subscribe: (options: PushSubscriptionOptionsInit) => Promise<unknown>) {
	const asked: string[] = [];
	vi.stubGlobal('Notification', { requestPermission: async () => (asked.push('permission'), permission) });
	vi.stubGlobal('window', { PushManager: class {}, Notification: {} });
	vi.stubGlobal('navigator', {
		serviceWorker: {
			ready: Promise.resolve({
				pushManager: {
					subscribe: (options: PushSubscriptionOptionsInit) => (asked.push('subscribe'), subscribe(options))
				}
			})
		}
	});
	return asked;
}

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('turning push on in the browser', () => {
	it('reads the VAPID key as base64url', () => {
		expect([...keyBytes(KEY)]).toEqual([0x04, 0xfc, 0xfe, 0xff]);
	});

	it('asks for permission, then for a subscription with the server’s key; gives the three fields the form sends', async () => {
		let key: unknown;
		const asked = browser('granted', async (options) => {
			key = options.applicationServerKey;
			return { toJSON: () => ({ endpoint: 'https://push.example/abc', keys: { p256dh: 'P', auth: 'A' } }) };
		});
		expect(await subscribeToPush(KEY)).toEqual({ endpoint: 'https://push.example/abc', p256dh: 'P', auth: 'A' });
		expect(asked).toEqual(['permission', 'subscribe']);
		expect([...(key as Uint8Array)]).toEqual([0x04, 0xfc, 0xfe, 0xff]);
	});

	it('says why not: no permission (and no subscription asked for), a failing push manager, no key or no push in this browser', async () => {
		const refused = browser('denied', async () => ({}));
		expect(await subscribeToPush(KEY)).toBe('denied');
		expect(refused).toEqual(['permission']);

		browser('granted', async () => {
			throw new DOMException('push service unreachable', 'AbortError');
		});
		expect(await subscribeToPush(KEY)).toBe('failed');

		const unasked = browser('granted', async () => ({}));
		expect(await subscribeToPush(null)).toBe('unsupported');
		expect(await subscribeToPush('')).toBe('unsupported');
		vi.stubGlobal('window', { Notification: {} });
		expect(await subscribeToPush(KEY)).toBe('unsupported');
		expect(unasked).toEqual([]);
	});
});
