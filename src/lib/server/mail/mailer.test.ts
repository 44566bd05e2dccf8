import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createMailer } from './mailer';
import { invitationMail, passwordResetMail } from './templates';
import { decodeQuotedPrintable } from '../../../../tests/setup/eml';

interface Received {
	from: string;
	to: string[];
	raw: string;
}

describe('mailer', () => {
	const received: Received[] = [];
	let server: SMTPServer;
	let port: number;

	beforeAll(async () => {
		server = new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS'],
			logger: false,
			onData(stream, session, callback) {
				let raw = '';
				stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
				stream.on('end', () => {
					received.push({
						from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
						to: session.envelope.rcptTo.map((r) => r.address),
						raw
					});
					callback();
				});
			}
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		port = (server.server.address() as AddressInfo).port;
	});
	afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

	it('delivers over SMTP in the recipient’s language', async () => {
		const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Herstelpad <no-reply@example.org>', outboxDir: '/nonexistent' });
		await mailer.send('noor@example.org', passwordResetMail('nl', { name: 'Noor', link: 'http://localhost/reset-password?token=abc', minutes: 60 }), 'password-reset');
		expect(received).toHaveLength(1);
		expect(received[0].to).toEqual(['noor@example.org']);
		expect(received[0].from).toBe('no-reply@example.org');
		expect(received[0].raw).toContain('Subject: Je wachtwoord opnieuw instellen');
		expect(decodeQuotedPrintable(received[0].raw)).toContain('http://localhost/reset-password?token=abc');
		expect(received[0].raw).toContain('text/html');
	});

	it('writes an .eml file to the outbox when no SMTP server is configured', async () => {
		const outboxDir = join(mkdtempSync(join(tmpdir(), 'herstelpad-outbox-')), 'outbox');
		const mailer = createMailer({ from: 'Herstelpad <no-reply@example.org>', outboxDir });
		await mailer.send('sam@example.org', passwordResetMail('en', { name: 'Sam', link: 'http://localhost/en/reset-password?token=xyz', minutes: 60 }), 'password-reset');
		const files = readdirSync(outboxDir);
		expect(files).toHaveLength(1);
		expect(files[0]).toMatch(/password-reset.*\.eml$/);
		const eml = readFileSync(join(outboxDir, files[0]), 'utf8');
		expect(eml).toContain('To: sam@example.org');
		expect(eml).toContain('Subject: Reset your password');
		expect(decodeQuotedPrintable(eml)).toContain('http://localhost/en/reset-password?token=xyz');
	});

	it('counts minutes and days with each language’s plural rules', () => {
		expect(passwordResetMail('nl', { name: 'N', link: 'http://localhost/x', minutes: 1 }).text).toContain('blijft 1 minuut geldig');
		expect(passwordResetMail('nl', { name: 'N', link: 'http://localhost/x', minutes: 60 }).text).toContain('blijft 60 minuten geldig');
		expect(passwordResetMail('en', { name: 'N', link: 'http://localhost/x', minutes: 1 }).text).toContain('valid for 1 minute.');
		expect(invitationMail('nl', { inviter: 'N', link: 'http://localhost/x', days: 1 }).text).toContain('blijft 1 dag geldig');
		expect(invitationMail('en', { inviter: 'N', link: 'http://localhost/x', days: 7 }).text).toContain('valid for 7 days.');
	});

	it('escapes names in the HTML part', () => {
		const mail = passwordResetMail('en', { name: '<b>Sam</b>', link: 'http://localhost/x', minutes: 60 });
		expect(mail.html).not.toContain('<b>Sam</b>');
		expect(mail.html).toContain('&lt;b&gt;Sam&lt;/b&gt;');
	});

	it('reports a failed delivery to the caller and logs it without the address', async () => {
		// A port nobody listens on: the connection is refused.
		const closed = new SMTPServer({ authOptional: true, logger: false });
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const deadPort = (closed.server.address() as AddressInfo).port;
		await new Promise<void>((resolve) => closed.close(() => resolve()));
		const lines: string[] = [];
		const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line));
		try {
			const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${deadPort}`, from: 'Herstelpad <no-reply@herstelpad.test>', outboxDir: '/nonexistent' });
			await expect(mailer.send('lost@example.org', passwordResetMail('nl', { name: 'Lou', link: 'http://x/reset', minutes: 30 }), 'password-reset')).rejects.toThrow();
		} finally {
			spy.mockRestore();
		}
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/mail\.failed kind=password-reset type=\w+/);
		expect(lines[0]).not.toContain('lost@example.org');
	});
});
