import { SMTPServer } from 'smtp-server';

/**
 * An SMTP server that takes each message but does not finish accepting it until the test says so:
 * a slow mail server, made deterministic.
 */
export function holdingSmtpServer() {
	const started: string[] = [];
	const delivered: string[] = [];
	const held: (() => void)[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			let raw = '';
			stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
			stream.on('end', () => {
				started.push(raw);
				held.push(() => {
					delivered.push(raw);
					callback();
				});
			});
		}
	});
	return {
		server,
		started,
		delivered,
		release: () => held.splice(0).forEach((finish) => finish()),
		waitUntilStarted: async (count: number) => {
			while (started.length < count) await new Promise((resolve) => setTimeout(resolve, 10));
		}
	};
}

/**
 * An SMTP server that keeps every message it accepts, and refuses the first `refuse` attempts
 * with a temporary error (a mail server that is briefly unavailable). Listens on a free loopback port.
 */
export async function collectingSmtpServer(options: { refuse?: number; refusal?: string } = {}) {
	const accepted: string[] = [];
	let attempts = 0;
	let refuseThrough = options.refuse ?? 0;
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			let raw = '';
			stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
			stream.on('end', () => {
				attempts++;
				if (attempts <= refuseThrough) {
					const err = Object.assign(new Error(options.refusal ?? 'try again later'), { responseCode: 451 });
					return callback(err);
				}
				accepted.push(raw);
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.server.address() as { port: number }).port;
	return {
		url: `smtp://127.0.0.1:${port}`,
		accepted,
		attempts: () => attempts,
		/** Refuses the next `count` attempts too. */
		refuseNext(count: number) {
			refuseThrough = attempts + count;
		},
		/** Resolves once `count` messages are accepted; rejects after `timeoutMs`. */
		async waitFor(count: number, timeoutMs = 20_000) {
			const deadline = Date.now() + timeoutMs;
			while (accepted.length < count) {
				if (Date.now() > deadline) throw new Error(`${accepted.length} of ${count} messages after ${timeoutMs} ms`);
				await new Promise((resolve) => setTimeout(resolve, 25));
			}
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
