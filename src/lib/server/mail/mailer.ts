import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { log } from '../log';
import type { MailContent } from './templates';

export interface MailerConfig {
	smtpUrl?: string;
	from: string;
	outboxDir: string;
}

export interface Mailer {
	send(to: string, content: MailContent, kind: string): Promise<void>;
}

/**
 * SMTP when configured; otherwise each message becomes an .eml file in the outbox, so someone
 * trying Herstelpad locally sees exactly what would have been sent. The log line names the kind
 * of message only, never the recipient or content.
 */
export function createMailer(config: MailerConfig): Mailer {
	const mailer = createTransportMailer(config);
	return {
		// Every caller gets the same failure line (kind and error type, never the address); it decides what the person is told.
		send: (to, content, kind) =>
			mailer.send(to, content, kind).catch((err: unknown) => {
				log.error('mail.failed', { kind, type: err instanceof Error ? err.name : typeof err });
				throw err;
			})
	};
}

function createTransportMailer(config: MailerConfig): Mailer {
	if (config.smtpUrl) {
		// A mail server that stops answering must not hold a job (and the jobs queued behind it) for
		// minutes: nodemailer's defaults wait up to 2 minutes to connect and 10 for a silent socket.
		const transport = nodemailer.createTransport({ url: config.smtpUrl, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 30_000 });
		return {
			async send(to, content, kind) {
				await transport.sendMail({ from: config.from, to, ...content });
				log.info('mail.sent', { kind, via: 'smtp' });
			}
		};
	}
	const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
	return {
		async send(to, content, kind) {
			const info = await transport.sendMail({ from: config.from, to, ...content });
			mkdirSync(config.outboxDir, { recursive: true });
			const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${kind}-${Math.random().toString(36).slice(2, 8)}.eml`;
			writeFileSync(join(config.outboxDir, name), info.message as Buffer);
			log.info('mail.outbox', { kind });
		}
	};
}
