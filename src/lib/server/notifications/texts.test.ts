import { describe, expect, it } from 'vitest';
import { forbiddenWordsIn, notificationMail, PUSH_TEXT, toneOf, type Locale, type Tone } from './texts';
import { NOTIFICATION_KINDS, OPEN_PATH } from './kinds';

const locales: Locale[] = ['nl', 'en'];
const tones: Tone[] = ['news', 'reminder'];
const both = locales.flatMap((locale) => tones.map((tone) => [locale, tone] as const));
const links = { openLink: 'https://h.example/dashboard', unsubscribeLink: 'https://h.example/notifications/unsubscribe?token=x', oneClickLink: 'https://h.example/notifications/unsubscribe/one-click?token=x', settingsLink: 'https://h.example/settings/notifications' };

describe('every notification text is neutral, in both languages', () => {
	it('the scan catches a topic word, a guilt phrase and a name of a kind (so it can fail)', () => {
		expect(forbiddenWordsIn('Je hebt een nieuwe brief')).toEqual(['brief']);
		expect(forbiddenWordsIn("You haven't checked in")).toContain("you haven't");
		expect(forbiddenWordsIn('Your weekly hour')).toContain('hour');
		expect(forbiddenWordsIn('A reminder from Herstelpad')).toEqual(['reminder']);
		expect(forbiddenWordsIn('Je hebt een nieuw bericht in Herstelpad.')).toEqual([]);
	});

	it.each(both)('push title and body (%s, %s)', (locale, tone) => {
		expect(forbiddenWordsIn(`${PUSH_TEXT[tone][locale].title}\n${PUSH_TEXT[tone][locale].body}`)).toEqual([]);
		expect(PUSH_TEXT[tone][locale].body).toMatch(/Herstelpad/);
	});

	it.each(both)('e-mail subject, text and HTML (%s, %s)', (locale, tone) => {
		const mail = notificationMail(locale, tone, links);
		const visible = `${mail.subject}\n${mail.text}\n${mail.html.replace(/<[^>]+>/g, ' ')}`.replace(/https:\/\/\S+/g, '');
		expect(forbiddenWordsIn(visible)).toEqual([]);
	});

	it('news says something new arrived; a reminder only that something is waiting, as the person asked', () => {
		expect(notificationMail('nl', 'news', links).subject).toBe('Je hebt een nieuw bericht in Herstelpad');
		expect(notificationMail('en', 'news', links).subject).toBe('You have a new message in Herstelpad');
		expect(notificationMail('nl', 'reminder', links).subject).toBe('Er staat iets voor je klaar in Herstelpad');
		expect(notificationMail('en', 'reminder', links).subject).toBe('Something is waiting for you in Herstelpad');
		expect(PUSH_TEXT.reminder.nl.body).toBe('Er staat iets voor je klaar in Herstelpad.');
		for (const locale of locales) {
			expect(notificationMail(locale, 'reminder', links).text).not.toMatch(/nieuw|new/i);
			expect(PUSH_TEXT.reminder[locale].body).not.toMatch(/nieuw|new/i);
		}
	});

	it('the weekly hour and a check-in are reminders; a letter, an answer and a trigger notice are news', () => {
		expect(NOTIFICATION_KINDS.map((kind) => [kind, toneOf(kind)])).toEqual([
			['letter', 'news'],
			['answer', 'news'],
			['check-in', 'reminder'],
			['hour', 'reminder'],
			['trigger', 'news']
		]);
	});

	it('nothing shown depends on what it is about beyond news or reminder', () => {
		expect(NOTIFICATION_KINDS.every((kind) => OPEN_PATH[kind].startsWith('/'))).toBe(true);
		expect(notificationMail('nl', 'news', links)).toEqual(notificationMail('nl', 'news', links));
	});

	it('carries RFC 8058 one-click unsubscribe headers and a visible unsubscribe link', () => {
		for (const tone of tones) {
			const mail = notificationMail('en', tone, links);
			expect(mail.headers).toEqual({ 'List-Unsubscribe': `<${links.oneClickLink}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
			expect(mail.text).toContain(links.unsubscribeLink);
			expect(mail.html).toContain(`href="${links.unsubscribeLink.replace('&', '&amp;')}"`);
		}
	});
});
