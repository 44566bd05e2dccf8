// Prints how long "forgot password" takes to answer for a known and an unknown address while the
// mail server is slow (100 ms per message). Figures only: tests never assert timings.
// Run: npx tsx scripts/bench-reset.ts
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { openDatabase } from '../src/lib/server/db';
import { signUp } from '../src/lib/server/auth/accounts';
import { requestPasswordResetMail } from '../src/lib/server/auth/password-reset-mail';
import { drainJobs, startJobs, stopJobs } from '../src/lib/server/jobs';

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
// The app's mailer reads its server from the environment; the mail goes out from a job.
process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
const handle = await openDatabase({ kind: 'pglite' });
const db = handle.db;
await startJobs(handle);
await signUp(db, { email: 'known@example.org', password: 'a quiet morning walk', displayName: 'Kim', locale: 'nl' });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const times: Record<'known' | 'unknown', number[]> = { known: [], unknown: [] };
for (let i = 0; i < ROUNDS; i++) {
	for (const kind of ['known', 'unknown'] as const) {
		const started = performance.now();
		// Fresh addresses per round, so the per-address and per-account limits do not kick in.
		const email = kind === 'known' ? 'known@example.org' : `nobody${i}@example.org`;
		await requestPasswordResetMail(db, { email, address: `10.0.${i}.${kind === 'known' ? 1 : 2}`, locale: 'nl' }, new Date(Date.now() + i * 3_600_000));
		times[kind].push(performance.now() - started);
	}
}
await drainJobs(60_000);
console.log(`forgot password, ${ROUNDS} rounds, SMTP server taking 100 ms per message (PGlite):`);
for (const kind of ['known', 'unknown'] as const) console.log(`  ${kind.padEnd(8)} median ${median(times[kind]).toFixed(1)} ms`);
await stopJobs();
await handle.close();
await new Promise<void>((resolve) => smtp.close(() => resolve()));
