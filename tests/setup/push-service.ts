import { createECDH, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A Web Push service on loopback, as a browser's push service would be reached by the server:
 * it records each POST (headers and the encrypted body) and answers with `status` (201 unless the
 * test says otherwise). Plus a browser's side of a subscription: an ECDH P-256 key pair and an
 * auth secret, and RFC 8291 (aes128gcm) decryption of what arrived, with node:crypto only.
 */
export interface PushRequest {
	path: string;
	headers: IncomingHttpHeaders;
	body: Buffer;
}

export async function startPushService() {
	const received: PushRequest[] = [];
	const state = { status: 201 };
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
			res.statusCode = state.status;
			res.end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		origin,
		received,
		answerWith: (status: number) => (state.status = status),
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

/** What a browser keeps for one subscription: its key pair and auth secret. */
export function browserKeys() {
	const ecdh = createECDH('prime256v1');
	ecdh.generateKeys();
	const auth = randomBytes(16);
	return {
		ecdh,
		auth,
		p256dh: ecdh.getPublicKey().toString('base64url'),
		authSecret: auth.toString('base64url')
	};
}

/** RFC 8291 + RFC 8188: decrypts an aes128gcm Web Push body with the browser's keys. */
export function decryptPush(body: Buffer, keys: ReturnType<typeof browserKeys>): string {
	const salt = body.subarray(0, 16);
	const rs = body.readUInt32BE(16);
	const idlen = body[20];
	const serverPublic = body.subarray(21, 21 + idlen);
	const ciphertext = body.subarray(21 + idlen);
	if (ciphertext.length > rs) throw new Error('more than one record');
	const shared = keys.ecdh.computeSecret(serverPublic);
	const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), keys.ecdh.getPublicKey(), serverPublic]);
	const ikm = Buffer.from(hkdfSync('sha256', shared, keys.auth, keyInfo, 32));
	const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
	const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
	const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
	decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
	const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
	let end = padded.length - 1;
	while (end >= 0 && padded[end] === 0) end--;
	if (padded[end] !== 2) throw new Error('no last-record delimiter');
	return padded.subarray(0, end).toString('utf8');
}
