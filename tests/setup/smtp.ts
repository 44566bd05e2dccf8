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
