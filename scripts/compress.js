// Compression of the server's own answers (HTML pages, JSON), for the embedded default that runs
// without a proxy in front. Static files are compressed once at build time (adapter-node's
// `precompress`) and sirv serves those copies itself; they arrive here already encoded and pass
// through untouched.
import zlib from 'node:zlib';

/** Text worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /^\s*(text\/|application\/(json|javascript|xml|manifest\+json|x-sveltekit-formdata)|image\/svg\+xml)/i;
/** Below this, compressing costs more than it saves (headers alone are a few hundred bytes). */
export const MIN_BYTES = 1024;

/**
 * The encoding to answer with for this Accept-Encoding header: brotli when the client takes it,
 * else gzip, else none. Honours `q=0` ("not this one") and `identity`-only clients.
 * @param {string | undefined} header
 * @returns {'br' | 'gzip' | null}
 */
export function chooseEncoding(header) {
	if (!header) return null;
	/** @type {Map<string, number>} */
	const weights = new Map();
	for (const part of header.split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		const weight = q ? Number(q.slice(2)) : 1;
		if (name) weights.set(name.trim(), Number.isFinite(weight) ? weight : 0);
	}
	const weight = (/** @type {string} */ name) => weights.get(name) ?? weights.get('*') ?? 0;
	if (weight('br') > 0 && weight('br') >= weight('gzip')) return 'br';
	if (weight('gzip') > 0) return 'gzip';
	return null;
}

export const BROTLI_QUALITY = 3;

/**
 * Answers whose size is known and at most this are gathered and compressed in one synchronous
 * call, then sent with their compressed Content-Length in one write. For a page (SvelteKit gives
 * every rendered page a Content-Length) that costs a third to a half of the CPU of a compression
 * stream: no stream, no trip to the thread pool, no chunked writes (measured on the app's pages:
 * 0.14 instead of 0.35 ms for an 18 KB page, 0.24 instead of 0.53 ms for a 50 KB one). Larger or
 * unsized answers (exports, files) still stream, so one of them never holds up the others for long.
 */
export const WHOLE_MAX_BYTES = 512 * 1024;

/**
 * Brotli quality 3 (gzip level 6): most of the gain at a small part of the maximum's CPU cost.
 * Measured on the app's pages (docs/performance.md): quality 3 takes half the CPU of 4 or less
 * (0.22 instead of 0.41 ms for a 127 KB page, 0.14 instead of 0.34 for a 57 KB one, 0.06 instead
 * of 0.10 for a 16 KB one) for answers 4–9 % larger (10.5 KB instead of 9.6, 8.7 instead of 8.2,
 * 3.3 instead of 3.1). The size, when known (SvelteKit gives pages a Content-Length), lets the
 * encoder size its window to the answer instead of the default 4 MB.
 * @param {number} length the answer's size in bytes, NaN when unknown
 */
export function brotliParams(length) {
	/** @type {Record<number, number>} */
	const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY };
	if (Number.isFinite(length) && length > 0) params[zlib.constants.BROTLI_PARAM_SIZE_HINT] = length;
	return params;
}

/** @param {import('node:http').ServerResponse} res */
function shouldCompress(res) {
	const status = res.statusCode;
	if (status < 200 || status === 204 || status === 304) return false;
	if (res.getHeader('content-encoding')) return false;
	if (/\bno-transform\b/i.test(String(res.getHeader('cache-control') ?? ''))) return false;
	if (!COMPRESSIBLE.test(String(res.getHeader('content-type') ?? ''))) return false;
	const length = res.getHeader('content-length');
	return length === undefined || Number(length) >= MIN_BYTES;
}

/**
 * Makes `res` compress what is written to it, when the client accepts it and the answer is text.
 * Works with anything that writes through writeHead/write/end (SvelteKit's setResponse, sirv).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
export function compressResponse(req, res) {
	const encoding = chooseEncoding(req.headers['accept-encoding']);
	if (!encoding || req.method === 'HEAD') return;
	// The originals, called with `res` once the decision is made (typed loosely: Node's overloads).
	const writeHead = /** @type {(...args: any[]) => any} */ (res.writeHead);
	const write = /** @type {(...args: any[]) => boolean} */ (res.write);
	const end = /** @type {(...args: any[]) => any} */ (res.end);
	/** @type {import('node:zlib').Gzip | import('node:zlib').BrotliCompress | null | undefined} undefined: not decided yet */
	let zip;
	/** @type {Buffer[] | null} the answer gathered to be compressed whole (WHOLE_MAX_BYTES), else null */
	let whole = null;

	const decide = () => {
		if (zip !== undefined) return;
		zip = null;
		if (!shouldCompress(res)) return;
		const length = Number(res.getHeader('content-length'));
		res.removeHeader('content-length');
		res.setHeader('content-encoding', encoding);
		const vary = String(res.getHeader('vary') ?? '');
		if (!/\baccept-encoding\b/i.test(vary)) res.setHeader('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
		if (length <= WHOLE_MAX_BYTES) {
			whole = [];
			return;
		}
		const stream = encoding === 'br' ? zlib.createBrotliCompress({ params: brotliParams(length) }) : zlib.createGzip({ level: 6 });
		stream.on('data', (chunk) => {
			if (!write.call(res, chunk)) stream.pause();
		});
		res.on('drain', () => stream.resume());
		// The writer waits for 'drain' when write() said false; the compressor's drain is that moment.
		stream.on('drain', () => res.emit('drain'));
		stream.on('end', () => end.call(res));
		stream.on('error', (err) => res.destroy(err));
		zip = stream;
	};

	// writeHead is held back until the first write or end, so an answer written whole in end()
	// can be measured first (a small one is not worth compressing).
	/** @type {string | undefined} */
	let reason;
	/** `lastChunk`: undefined when more may follow, null for an answer without a body. */
	const sendHead = (/** @type {any} */ lastChunk, /** @type {any} */ enc) => {
		if (res.headersSent) return;
		if (lastChunk === null) zip ??= null;
		else if (lastChunk !== undefined && !res.hasHeader('content-length')) res.setHeader('content-length', Buffer.byteLength(lastChunk, enc));
		decide();
		// A whole answer's head waits for its compressed length (end() sends it).
		if (!whole) writeStatus();
	};
	const writeStatus = () => (typeof reason === 'string' ? writeHead.call(res, res.statusCode, reason) : writeHead.call(res, res.statusCode));

	const compressWhole = (/** @type {Buffer} */ body) =>
		encoding === 'br' ? zlib.brotliCompressSync(body, { params: brotliParams(body.length) }) : zlib.gzipSync(body, { level: 6 });
	/** A copy of what was written, kept until end(): the writer may reuse its buffer once write() returns. */
	const keep = (/** @type {any} */ chunk, /** @type {any} */ enc) =>
		whole?.push(typeof chunk === 'string' ? Buffer.from(chunk, typeof enc === 'string' ? /** @type {BufferEncoding} */ (enc) : 'utf8') : Buffer.from(chunk));

	/** @type {any} */ (res).writeHead = function (/** @type {number} */ status, /** @type {any} */ message, /** @type {any} */ headers) {
		if (typeof message === 'object' && message !== null) {
			headers = message;
			message = undefined;
		}
		if (Array.isArray(headers)) {
			for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(headers[i], headers[i + 1]);
		} else if (headers) {
			for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
		}
		res.statusCode = status;
		reason = typeof message === 'string' ? message : undefined;
		return res;
	};

	/** @type {any} */ (res).write = function (/** @type {any} */ chunk, /** @type {any} */ enc, /** @type {any} */ cb) {
		sendHead(undefined, undefined);
		if (whole) {
			keep(chunk, enc);
			const done = typeof enc === 'function' ? enc : cb;
			if (done) process.nextTick(done);
			return true;
		}
		if (!zip) return write.call(res, chunk, enc, cb);
		return zip.write(chunk, typeof enc === 'string' ? /** @type {BufferEncoding} */ (enc) : 'utf8', typeof enc === 'function' ? enc : cb);
	};

	/** @type {any} */ (res).end = function (/** @type {any} */ chunk, /** @type {any} */ enc, /** @type {any} */ cb) {
		if (typeof chunk === 'function') [cb, chunk] = [chunk, undefined];
		else if (typeof enc === 'function') [cb, enc] = [enc, undefined];
		// A whole answer in one call: its size is known.
		sendHead(chunk ?? null, typeof enc === 'string' ? enc : undefined);
		if (whole) {
			if (chunk != null) keep(chunk, enc);
			const body = compressWhole(whole.length === 1 ? whole[0] : Buffer.concat(whole));
			whole = null;
			res.setHeader('content-length', body.length);
			writeStatus();
			return end.call(res, body, cb);
		}
		if (!zip) return end.call(res, chunk, enc, cb);
		if (cb) res.once('finish', cb);
		if (chunk != null) zip.write(chunk, /** @type {BufferEncoding} */ (typeof enc === 'string' ? enc : 'utf8'));
		zip.end();
		return res;
	};
}
