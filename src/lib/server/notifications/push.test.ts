import { describe, expect, it } from 'vitest';
import { isAllowedEndpoint } from './push';

describe('push endpoints come from the browser: only known push services are called', () => {
	it.each([
		'https://fcm.googleapis.com/fcm/send/abc',
		'https://updates.push.services.mozilla.com/wpush/v2/abc',
		'https://wns2-am3p.notify.windows.com/w/?token=abc',
		'https://web.push.apple.com/QGx'
	])('takes %s', (endpoint) => expect(isAllowedEndpoint(endpoint, [])).toBe(true));

	it.each([
		'http://fcm.googleapis.com/fcm/send/abc',
		'https://fcm.googleapis.com:8443/fcm/send/abc',
		'https://fcm.googleapis.com.evil.example/x',
		'https://notify.windows.com.evil.example/x',
		'https://evilnotify.windows.com/x',
		'https://user:pw@fcm.googleapis.com/x',
		'http://127.0.0.1:9000/push',
		'http://169.254.169.254/latest/meta-data',
		'file:///etc/passwd',
		'not a url'
	])('refuses %s', (endpoint) => expect(isAllowedEndpoint(endpoint, [])).toBe(false));

	it('takes another origin only when configured, exactly', () => {
		expect(isAllowedEndpoint('http://127.0.0.1:9000/push/1', ['http://127.0.0.1:9000'])).toBe(true);
		expect(isAllowedEndpoint('http://127.0.0.1:9001/push/1', ['http://127.0.0.1:9000'])).toBe(false);
	});
});
