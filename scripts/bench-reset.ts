// Prints how long "forgot password" takes to answer for a known and an unknown address while the
// mail server is slow (100 ms per message). Figures only: tests never assert timings.
// Run: npx tsx scripts/bench-reset.ts
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { openDatabase } from '../src/lib/server/db';
import { signUp } from '../src/lib/server/auth/accounts';
import { mailPasswordReset } from '../src/lib/server/auth/password-reset-mail';
import { createMailer } from '../src/lib/server/mail/mailer';

process.env.LOG_LEVEL = 'silent';
const ROUNDS = 40;

const smtp = new SMTPServer({
	authOptional: true,
	disabledCommands: ['STARTTLS'],
	logger: false,
	onData(stream, _session, callback) {
		stream.resume();
		stream.on('end', () => setTimeout(callback, 100));
	}
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const mailer = createMailer({
	smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
	from: 'Herstelpad <bench@example.org>',
	outboxDir: '/nonexistent'
});
const handle = await openDatabase({ kind: 'pglite' });
const db = handle.db;
await signUp(db, { email: 'known@example.org', password: 'a quiet morning walk', displayName: 'Kim', locale: 'nl' });
const linkTo = (token: string) => `http://localhost:3000/reset-password?token=${token}`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const times: Record<'known' | 'unknown', number[]> = { known: [], unknown: [] };
const deliveries: Promise<void>[] = [];
for (let i = 0; i < ROUNDS; i++) {
	for (const kind of ['known', 'unknown'] as const) {
		const started = performance.now();
		// Fresh addresses per round, so the per-address and per-account limits do not kick in.
		const email = kind === 'known' ? 'known@example.org' : `nobody${i}@example.org`;
		const { delivery } = await mailPasswordReset(db, { email, address: `10.0.${i}.${kind === 'known' ? 1 : 2}`, locale: 'nl' }, { mailer, linkTo }, new Date(Date.now() + i * 3_600_000));
		times[kind].push(performance.now() - started);
		deliveries.push(delivery);
	}
}
await Promise.all(deliveries);
console.log(`forgot password, ${ROUNDS} rounds, SMTP server taking 100 ms per message (PGlite):`);
for (const kind of ['known', 'unknown'] as const) console.log(`  ${kind.padEnd(8)} median ${median(times[kind]).toFixed(1)} ms`);
await handle.close();
await new Promise<void>((resolve) => smtp.close(() => resolve()));
