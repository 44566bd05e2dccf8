import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { constants } from 'node:zlib';
import { brotliParams, chooseEncoding, compressResponse, MIN_BYTES, WHOLE_MAX_BYTES } from './compress.js';

const page = `<!doctype html><html lang="nl"><body>${'<p>Herstelpad, in jouw tempo.</p>'.repeat(400)}</body></html>`;
const big = 'x'.repeat(3 * 1024 * 1024) + 'end';
const sizedLarge = 'y'.repeat(WHOLE_MAX_BYTES + 1);

/** Answers the way SvelteKit's setResponse and sirv do: headers, writeHead, write chunks, end. */
function answer(req: IncomingMessage, res: ServerResponse) {
	compressResponse(req, res);
	const url = req.url ?? '/';
	if (url === '/page') {
		res.setHeader('content-type', 'text/html; charset=utf-8');
		res.writeHead(200);
		res.write(page.slice(0, 1000));
		res.end(page.slice(1000));
	} else if (url === '/sized' || url === '/sized-large') {
		// A rendered page as SvelteKit's setResponse sends it: its length known, written, then ended.
		const body = url === '/sized' ? page : sizedLarge;
		res.setHeader('content-type', 'text/html; charset=utf-8');
		res.setHeader('content-length', Buffer.byteLength(body));
		res.writeHead(200);
		res.write(new TextEncoder().encode(body.slice(0, 1000)));
		res.write(new TextEncoder().encode(body.slice(1000)));
		res.end();
	} else if (url === '/ended') {
		res.writeHead(201, 'Made', { 'content-type': 'application/json' });
		res.end(JSON.stringify({ page }));
	} else if (url === '/small') {
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end('{"ok":true}');
	} else if (url === '/precompressed') {
		res.writeHead(200, { 'content-type': 'text/javascript', 'content-encoding': 'gzip' });
		res.end(gzipSync(page));
	} else if (url === '/image') {
		res.writeHead(200, { 'content-type': 'image/png' });
		res.end(Buffer.alloc(4096, 7));
	} else if (url === '/big') {
		// Written in pieces with back-pressure, as setResponse does.
		res.setHeader('content-type', 'text/plain');
		res.writeHead(200);
		let offset = 0;
		const next = () => {
			while (offset < big.length) {
				const piece = big.slice(offset, (offset += 64 * 1024));
				if (!res.write(piece)) return void res.once('drain', next);
			}
			res.end();
		};
		next();
	} else {
		res.statusCode = 304;
		res.end();
	}
}

function get(port: number, path: string, acceptEncoding?: string) {
	return new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>((resolve, reject) => {
		const req = request({ port, path, host: '127.0.0.1', headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end();
	});
}

describe('compression of the server’s own answers', () => {
	let server: Server;
	let port: number;
	beforeAll(async () => {
		server = createServer(answer);
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		port = (server.address() as { port: number }).port;
	});
	afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

	it('chooses brotli, then gzip, and respects q=0', () => {
		expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
		expect(chooseEncoding('gzip')).toBe('gzip');
		expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
		expect(chooseEncoding('gzip;q=0.5, br;q=0.1')).toBe('gzip');
		expect(chooseEncoding('identity')).toBeNull();
		expect(chooseEncoding('*')).toBe('br');
		expect(chooseEncoding(undefined)).toBeNull();
	});

	it('sends a page brotli- or gzip-compressed to a client that accepts it, and plain otherwise', async () => {
		const br = await get(port, '/page', 'gzip, deflate, br');
		expect(br.headers['content-encoding']).toBe('br');
		expect(br.headers.vary).toMatch(/Accept-Encoding/);
		expect(br.body.length).toBeLessThan(page.length / 5);
		expect(brotliDecompressSync(br.body).toString()).toBe(page);

		const gz = await get(port, '/page', 'gzip');
		expect(gz.headers['content-encoding']).toBe('gzip');
		expect(gunzipSync(gz.body).toString()).toBe(page);

		const plain = await get(port, '/page');
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.body.toString()).toBe(page);
	});

	it('compresses an answer of known size in one go and sends it with its compressed length', async () => {
		for (const accept of ['br', 'gzip']) {
			const reply = await get(port, '/sized', accept);
			expect(reply.headers['content-encoding']).toBe(accept);
			expect(reply.headers['transfer-encoding']).toBeUndefined();
			expect(Number(reply.headers['content-length'])).toBe(reply.body.length);
			expect(reply.body.length).toBeLessThan(page.length / 5);
			expect((accept === 'br' ? brotliDecompressSync(reply.body) : gunzipSync(reply.body)).toString()).toBe(page);
		}
		// Sent by end() alone, with a status text of its own.
		const ended = await get(port, '/ended', 'br');
		expect(ended.status).toBe(201);
		expect(Number(ended.headers['content-length'])).toBe(ended.body.length);
		expect(JSON.parse(brotliDecompressSync(ended.body).toString())).toEqual({ page });
	});

	it('streams an answer larger than it compresses in one go', async () => {
		const reply = await get(port, '/sized-large', 'br');
		expect(reply.headers['content-encoding']).toBe('br');
		expect(reply.headers['content-length']).toBeUndefined();
		expect(reply.headers['transfer-encoding']).toBe('chunked');
		expect(brotliDecompressSync(reply.body).toString()).toBe(sizedLarge);
	});

	it('keeps back-pressure: a large answer arrives whole', async () => {
		const reply = await get(port, '/big', 'br');
		expect(reply.headers['content-encoding']).toBe('br');
		expect(brotliDecompressSync(reply.body).toString()).toBe(big);
	});

	it('leaves small answers, precompressed files, images and empty answers as they are', async () => {
		const small = await get(port, '/small', 'br');
		expect(small.headers['content-encoding']).toBeUndefined();
		expect(small.body.toString()).toBe('{"ok":true}');
		expect(small.body.length).toBeLessThan(MIN_BYTES);

		const pre = await get(port, '/precompressed', 'br, gzip');
		expect(pre.headers['content-encoding']).toBe('gzip');
		expect(gunzipSync(pre.body).toString()).toBe(page);

		const image = await get(port, '/image', 'br');
		expect(image.headers['content-encoding']).toBeUndefined();
		expect(image.body.length).toBe(4096);

		const notModified = await get(port, '/other', 'br');
		expect(notModified.status).toBe(304);
		expect(notModified.headers['content-encoding']).toBeUndefined();
	});

	it('tells brotli the size of an answer when it is known, so it need not prepare for megabytes', () => {
		expect(brotliParams(17_173)).toEqual({ [constants.BROTLI_PARAM_QUALITY]: 3, [constants.BROTLI_PARAM_SIZE_HINT]: 17_173 });
		expect(brotliParams(NaN)).toEqual({ [constants.BROTLI_PARAM_QUALITY]: 3 });
	});
});
