import type { MailContent } from '../mail/templates';
import { REMINDER_KINDS, type NotificationKind } from './kinds';

/**
 * Every word a notification carries, in both languages. Two texts, never more: news (something
 * someone did: a letter, an answer, a trigger notice) and a reminder (the weekly hour, a check-in),
 * so a reminder does not pretend something new arrived. Neither says what it is about, who it is
 * from, or what Herstelpad is for: a notice on a lock screen or in a shared mailbox must not tell.
 * No names, no counts, no "you haven't…". texts.test.ts scans all of it for the words in
 * FORBIDDEN_WORDS.
 */
export type Locale = 'nl' | 'en';
export type Tone = 'news' | 'reminder';

export function toneOf(kind: NotificationKind): Tone {
	return REMINDER_KINDS.includes(kind) ? 'reminder' : 'news';
}

export const PUSH_TEXT: Record<Tone, Record<Locale, { title: string; body: string }>> = {
	news: {
		nl: { title: 'Herstelpad', body: 'Je hebt een nieuw bericht in Herstelpad.' },
		en: { title: 'Herstelpad', body: 'You have a new message in Herstelpad.' }
	},
	reminder: {
		nl: { title: 'Herstelpad', body: 'Er staat iets voor je klaar in Herstelpad.' },
		en: { title: 'Herstelpad', body: 'Something is waiting for you in Herstelpad.' }
	}
};

const MAIL_TONE: Record<Tone, Record<Locale, { subject: string; lines: string[] }>> = {
	news: {
		nl: { subject: 'Je hebt een nieuw bericht in Herstelpad', lines: ['Hallo,', 'Er staat iets nieuws voor je klaar. Meld je aan om het te bekijken, wanneer het jou past.'] },
		en: { subject: 'You have a new message in Herstelpad', lines: ['Hello,', 'Something new is waiting for you. Sign in to see it, whenever it suits you.'] }
	},
	reminder: {
		nl: { subject: 'Er staat iets voor je klaar in Herstelpad', lines: ['Hallo,', 'Er staat iets voor je klaar, zoals je vroeg. Kijk gerust wanneer het jou past; er is geen haast.'] },
		en: { subject: 'Something is waiting for you in Herstelpad', lines: ['Hello,', 'Something is waiting for you, as you asked. Have a look whenever it suits you; there is no rush.'] }
	}
};

const MAIL: Record<Locale, { button: string; why: string; unsubscribe: string; settings: string }> = {
	nl: {
		button: 'Openen',
		why: 'Je krijgt deze e-mail omdat je dat zelf hebt aangezet.',
		unsubscribe: 'Geen e-mails meer zoals deze? Met één klik zet je ze uit:',
		settings: 'Of kies zelf wat je nog wilt ontvangen:'
	},
	en: {
		button: 'Open',
		why: 'You get this e-mail because you turned it on yourself.',
		unsubscribe: 'No more e-mails like this? Turn them off with one click:',
		settings: 'Or choose what you still want to receive:'
	}
};

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The notification e-mail. `unsubscribeLink` is the signed-out page with a one-click button;
 * `oneClickLink` takes the RFC 8058 POST a mail program sends on its own "unsubscribe" button.
 */
export function notificationMail(locale: Locale, tone: Tone, input: { openLink: string; unsubscribeLink: string; oneClickLink: string; settingsLink: string }): MailContent {
	const t = { ...MAIL[locale], ...MAIL_TONE[tone][locale] };
	const p = (line: string) => `<p style="margin:0 0 1em">${escape(line)}</p>`;
	const small = (text: string, href: string) => `<p style="font-size:.9em;color:#555">${escape(text)} <a href="${escape(href)}">${escape(href)}</a></p>`;
	const html =
		`<!doctype html><html lang="${locale}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#222;max-width:36em;margin:0 auto;padding:1em">` +
		t.lines.map(p).join('') +
		`<p style="margin:1.5em 0"><a href="${escape(input.openLink)}" style="background:#2f6f62;color:#fff;padding:.7em 1.2em;border-radius:6px;text-decoration:none">${escape(t.button)}</a></p>` +
		`<p style="font-size:.9em;color:#555">${escape(t.why)}</p>` +
		small(t.unsubscribe, input.unsubscribeLink) +
		small(t.settings, input.settingsLink) +
		`</body></html>`;
	return {
		subject: t.subject,
		text: `${t.lines.join('\n\n')}\n\n${t.button}: ${input.openLink}\n\n${t.why}\n${t.unsubscribe} ${input.unsubscribeLink}\n${t.settings} ${input.settingsLink}\n`,
		html,
		headers: { 'List-Unsubscribe': `<${input.oneClickLink}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
	};
}

/**
 * Words that would tell an onlooker what this is about. Checked (case-insensitively, as whole
 * words, after taking out the product's own name) in every title, subject, preview and body.
 */
export const FORBIDDEN_WORDS = [
	// nl
	'ontrouw', 'vreemdgaan', 'vreemdgegaan', 'affaire', 'overspel', 'bedrog', 'herstel', 'vertrouwen', 'relatie', 'partner', 'brief',
	'excuses', 'verontschuldiging', 'trigger', 'wens', 'vraag', 'antwoord', 'uur', 'check-in', 'afspraak', 'pijn', 'therapie', 'koppel', 'je hebt nog niet', 'vergeet',
	// en
	'infidelity', 'affair', 'cheating', 'cheated', 'betrayal', 'trust', 'repair', 'relationship', 'letter', 'apology', 'wish', 'question',
	'answer', 'hour', 'commitment', 'hurt', 'therapy', 'couple', "you haven't", 'you have not', 'forgot', 'streak', 'reminder', 'herinnering'
] as const;

/** The forbidden words found in a text (empty when it is clean). */
export function forbiddenWordsIn(text: string): string[] {
	const plain = text.replace(/herstelpad/gi, '').toLowerCase();
	return FORBIDDEN_WORDS.filter((word) => new RegExp(`(^|[^\\p{L}])${word}($|[^\\p{L}])`, 'u').test(plain));
}
