/**
 * Turning Web Push on in this browser, for the notification settings page when the app renders it
 * and for the page script when it does not (decision 021): one way of asking, so both kinds of
 * page ask the browser the same thing and send the server the same three fields. Only ever called
 * after a click, so the permission prompt never greets someone opening the page.
 */

/** What the subscribe form sends (`pushSubscriptionSchema`). */
export interface PushFields {
	endpoint: string;
	p256dh: string;
	auth: string;
}

/** Why push did not come on; each has its own text on the page. */
export type PushRefusal = 'unsupported' | 'denied' | 'failed';

/** The VAPID public key (base64url) as the bytes PushManager.subscribe wants. */
export function keyBytes(base64url: string) {
	const raw = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
	return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

/** Whether this browser could take a push subscription from this server at all. */
export function canPush(vapidPublicKey: string | null | undefined): vapidPublicKey is string {
	return !!vapidPublicKey && typeof navigator !== 'undefined' && 'serviceWorker' in navigator && typeof window !== 'undefined' && 'PushManager' in window && 'Notification' in window;
}

/**
 * Asks for permission, then for a subscription from the service worker's push manager: the fields
 * to send, or why there are none. Never throws.
 */
export async function subscribeToPush(vapidPublicKey: string | null | undefined): Promise<PushFields | PushRefusal> {
	if (!canPush(vapidPublicKey)) return 'unsupported';
	try {
		if ((await Notification.requestPermission()) !== 'granted') return 'denied';
		const registration = await navigator.serviceWorker.ready;
		const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(vapidPublicKey) });
		const json = subscription.toJSON();
		return { endpoint: json.endpoint ?? '', p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' };
	} catch {
		return 'failed';
	}
}
