import { SMTPServer } from 'smtp-server';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Playwright global setup: a real SMTP server on loopback for the journeys' app server
 * (SMTP_URL in playwright.config.ts), so every e-mail a journey reads (password reset,
 * invitation, booklet) went over SMTP as in production. Each message lands as an .eml file in
 * E2E_DATA_DIR/smtp-inbox, where the fixtures read it. The app connects per message, so this
 * server may start a moment after the app's.
 */
export default async function startSmtpInbox() {
	const dir = join(process.env.E2E_DATA_DIR!, 'smtp-inbox');
	mkdirSync(dir, { recursive: true });
	let count = 0;
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, _session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				writeFileSync(join(dir, `${Date.now()}-${String(count++).padStart(5, '0')}.eml`), Buffer.concat(chunks));
				callback();
			});
		}
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(Number(process.env.E2E_SMTP_PORT), '127.0.0.1', () => resolve());
	});
	return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
