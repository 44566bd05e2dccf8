import { and, count, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { bookletSignups, bookletTokens } from '../db/schema';
import { runAsSystem } from '../db/actor-context';
import { DomainError } from '../errors';
import { hashToken, newId, newToken } from '../security/tokens';
import { hitLimit } from '../security/rate-limit';
import type { Mailer } from '../mail/mailer';
import { assertSiteTask, type Actor } from '../access/policy';
import { enqueue } from '../jobs';
import { bookletConfirmationMail } from './mail';

/**
 * Booklet sign-ups: double opt-in, independent of any account (docs/booklet.md).
 *
 * - Signing up stores the address unconfirmed and mails a link; only the mailbox's owner can
 *   confirm. Unconfirmed addresses are deleted after UNCONFIRMED_DAYS.
 * - Signing up again is harmless: the same row, a new link by e-mail; the page answers the same
 *   whether the address was known, new, confirmed or over its mail limit. The mail is sent by a
 *   job ('mail.booklet-confirm') that carries the sign-up's id, never the address or the link.
 * - Every e-mail's link works until the address is deleted: it confirms, then opens the download
 *   and the unsubscribe page. Unsubscribing deletes the address and its links.
 *
 * The addresses belong to no account, so the tables allow only system work (row-level security);
 * every function here runs inside `runAsSystem`.
 */

type Locale = 'nl' | 'en';

export const UNCONFIRMED_DAYS = 7;
/** Per address of the requester: enough for a household, not for a script. */
export const REQUEST_LIMIT = { max: 10, windowSeconds: 60 * 60 };
/** Per e-mail address: nobody can flood someone else's mailbox through us. */
export const MAIL_LIMIT = { max: 3, windowSeconds: 60 * 60 };

const system = <T>(work: () => Promise<T>) => runAsSystem(work);

/** Deletes sign-ups nobody confirmed in time (their links go with them). */
export function purgeUnconfirmed(db: Database, now = new Date()) {
	return system(async () => {
		const cutoff = new Date(now.getTime() - UNCONFIRMED_DAYS * 24 * 60 * 60 * 1000);
		const gone = await db
			.delete(bookletSignups)
			.where(and(isNull(bookletSignups.confirmedAt), lt(bookletSignups.createdAt, cutoff)))
			.returning({ id: bookletSignups.id });
		return gone.length;
	});
}

/**
 * Records a sign-up (or finds the existing one). Returns its id, or null when this e-mail address
 * has had its share of mails this hour (the caller answers exactly the same). Throws
 * `too_many_attempts` when the requester's address is over its limit: that says nothing about the
 * e-mail address. The link itself is made when the mail is sent (`sendBookletConfirmation`).
 */
export function requestBooklet(db: Database, input: { email: string; locale: Locale; address: string }, now = new Date()): Promise<{ signupId: string } | null> {
	return system(async () => {
		const perRequester = await hitLimit(db, `booklet:ip:${input.address}`, REQUEST_LIMIT, now);
		if (!perRequester.allowed) throw new DomainError('too_many_attempts', { retryAfterSeconds: perRequester.retryAfterSeconds });
		await purgeUnconfirmed(db, now);
		await db.insert(bookletSignups).values({ id: newId(), email: input.email, locale: input.locale, createdAt: now }).onConflictDoNothing({ target: bookletSignups.email });
		const [signup] = await db.select({ id: bookletSignups.id }).from(bookletSignups).where(eq(bookletSignups.email, input.email));
		// Only a hash of the address names the window, so rate_limits holds no addresses.
		const perMailbox = await hitLimit(db, `booklet:mail:${hashToken(input.email)}`, MAIL_LIMIT, now);
		return perMailbox.allowed ? { signupId: signup.id } : null;
	});
}

/**
 * Sign-up and confirmation e-mail in one, the request: the limits, the sign-up row and one queued
 * job, for a known, a new or an over-its-limit address alike (that job carries `signupId: null`
 * and sends nothing), so neither the answer nor its timing tells them apart; the mail server is
 * reached later, by the job. The job holds no address and no token.
 */
export async function signUpForBooklet(db: Database, input: { email: string; locale: Locale; wantsUpdates: boolean; address: string }, now = new Date()): Promise<void> {
	const signup = await requestBooklet(db, input, now);
	await enqueue('mail.booklet-confirm', { signupId: signup?.signupId ?? null, locale: input.locale, wantsUpdates: input.wantsUpdates });
}

export interface BookletMailDeps {
	mailer: Mailer;
	/** Absolute links from configuration (`publicUrl`), never from the request. */
	linkTo: (path: '/booklet/confirm' | '/booklet/unsubscribe', token: string, locale: Locale) => string;
}

/**
 * Sign-up and confirmation e-mail, the job (src/lib/server/jobs/handlers.ts): a new link (only its
 * hash stored) for the sign-up, in the language of the page it was asked from, mailed to its
 * address. Nothing when there is no sign-up (over the limit, or unsubscribed or forgotten since).
 * A failed delivery rejects, so the queue tries again (the mailer logs kind and error type only;
 * each try makes its own link, and one never mailed leads nowhere anyone knows).
 */
export async function sendBookletConfirmation(
	db: Database,
	data: { signupId: string | null; locale: Locale; wantsUpdates: boolean },
	deps: BookletMailDeps,
	now = new Date()
): Promise<void> {
	const { signupId } = data;
	if (!signupId) return;
	const link = await system(async () => {
		const [signup] = await db.select({ email: bookletSignups.email }).from(bookletSignups).where(eq(bookletSignups.id, signupId));
		if (!signup) return null;
		const token = newToken();
		await db.insert(bookletTokens).values({ tokenHash: hashToken(token), signupId, locale: data.locale, wantsUpdates: data.wantsUpdates, createdAt: now });
		return { email: signup.email, token };
	});
	if (!link) return;
	const mail = bookletConfirmationMail(data.locale, {
		confirmLink: deps.linkTo('/booklet/confirm', link.token, data.locale),
		unsubscribeLink: deps.linkTo('/booklet/unsubscribe', link.token, data.locale),
		days: UNCONFIRMED_DAYS
	});
	await deps.mailer.send(link.email, mail, 'booklet-confirm');
}

export type LinkState = { valid: false } | { valid: true; confirmed: boolean; locale: Locale };

async function findLink(db: Database, token: string) {
	const [row] = await db
		.select({ signupId: bookletTokens.signupId, locale: bookletTokens.locale, wantsUpdates: bookletTokens.wantsUpdates, confirmedAt: bookletSignups.confirmedAt })
		.from(bookletTokens)
		.innerJoin(bookletSignups, eq(bookletSignups.id, bookletTokens.signupId))
		.where(eq(bookletTokens.tokenHash, hashToken(token)));
	return row;
}

/** What a link leads to, without changing anything (a GET, or a mail scanner, may open it). */
export function bookletLink(db: Database, token: string): Promise<LinkState> {
	return system(async () => {
		const row = await findLink(db, token);
		return row ? { valid: true, confirmed: row.confirmedAt !== null, locale: row.locale } : { valid: false };
	});
}

/**
 * Confirms the sign-up the link was sent for (a POST: the person presses the button). The link's
 * choice of occasional e-mails is added, never taken away (unsubscribing does that); its language
 * becomes the one e-mails are written in. Confirming twice is harmless.
 */
export function confirmBooklet(db: Database, token: string, now = new Date()): Promise<{ locale: Locale }> {
	return system(async () => {
		const row = await findLink(db, token);
		if (!row) throw new DomainError('booklet_link_invalid');
		await db
			.update(bookletSignups)
			.set({
				confirmedAt: row.confirmedAt ?? now,
				locale: row.locale,
				...(row.wantsUpdates ? { wantsUpdates: true } : {})
			})
			.where(eq(bookletSignups.id, row.signupId));
		return { locale: row.locale };
	});
}

/** Whether the link may download the booklet: only once its address is confirmed. */
export async function mayDownload(db: Database, token: string): Promise<boolean> {
	const state = await bookletLink(db, token);
	return state.valid && state.confirmed;
}

/** Deletes the address and every link to it. A link that no longer leads anywhere throws. */
export function unsubscribeBooklet(db: Database, token: string): Promise<void> {
	return system(async () => {
		const row = await findLink(db, token);
		if (!row) throw new DomainError('booklet_link_invalid');
		await db.delete(bookletSignups).where(eq(bookletSignups.id, row.signupId));
	});
}

/* ---------- For the admin page: aggregate counts, the confirmed list, deletion ---------- */
/* Site tasks: the access policy lets only administrators do them (`manage-signups`). */

export async function bookletCounts(db: Database, actor: Actor) {
	assertSiteTask(actor, 'manage-signups');
	return system(async () => {
		const [row] = await db
			.select({
				total: count(),
				confirmed: count(bookletSignups.confirmedAt),
				updates: sql<number>`count(*) filter (where ${bookletSignups.confirmedAt} is not null and ${bookletSignups.wantsUpdates})`.mapWith(Number),
				confirmedNl: sql<number>`count(*) filter (where ${bookletSignups.confirmedAt} is not null and ${bookletSignups.locale} = 'nl')`.mapWith(Number),
				confirmedEn: sql<number>`count(*) filter (where ${bookletSignups.confirmedAt} is not null and ${bookletSignups.locale} = 'en')`.mapWith(Number)
			})
			.from(bookletSignups);
		return { ...row, pending: row.total - row.confirmed };
	});
}

/** Confirmed addresses only, oldest first, with language and the occasional-e-mails choice. */
export async function confirmedSignups(db: Database, actor: Actor) {
	assertSiteTask(actor, 'manage-signups');
	return system(() =>
		db
			.select({ email: bookletSignups.email, locale: bookletSignups.locale, wantsUpdates: bookletSignups.wantsUpdates, confirmedAt: bookletSignups.confirmedAt })
			.from(bookletSignups)
			.where(isNotNull(bookletSignups.confirmedAt))
			.orderBy(bookletSignups.confirmedAt, bookletSignups.email)
	);
}

/** A cell that a spreadsheet would read as a formula is prefixed with a quote. */
function csvCell(value: string) {
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export async function confirmedSignupsCsv(db: Database, actor: Actor): Promise<string> {
	const rows = await confirmedSignups(db, actor);
	const lines = [['email', 'language', 'occasional_emails', 'confirmed_at'].join(',')];
	for (const r of rows) lines.push([csvCell(r.email), r.locale, r.wantsUpdates ? 'yes' : 'no', r.confirmedAt!.toISOString()].join(','));
	return lines.join('\r\n') + '\r\n';
}

/** Deletes one address (confirmed or not). Says whether there was one. */
export async function deleteBookletSignup(db: Database, actor: Actor, email: string): Promise<boolean> {
	assertSiteTask(actor, 'manage-signups');
	return system(async () => {
		const gone = await db.delete(bookletSignups).where(eq(bookletSignups.email, email)).returning({ id: bookletSignups.id });
		return gone.length > 0;
	});
}
