import { join } from 'node:path';
import { getEnv } from '../env';
import { createMailer, type Mailer } from './mailer';

let mailer: Mailer | undefined;

export function getMailer(): Mailer {
	const env = getEnv();
	mailer ??= createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, outboxDir: join(env.dataDir, 'outbox') });
	return mailer;
}
