import { describe, expect, it } from 'vitest';
import { forbiddenWordsIn, notificationMail, PUSH_TEXT, type Locale } from './texts';
import { NOTIFICATION_KINDS, OPEN_PATH } from './kinds';

const locales: Locale[] = ['nl', 'en'];
const links = { openLink: 'https://h.example/dashboard', unsubscribeLink: 'https://h.example/notifications/unsubscribe?token=x', oneClickLink: 'https://h.example/notifications/unsubscribe/one-click?token=x', settingsLink: 'https://h.example/settings/notifications' };

describe('every notification text is neutral, in both languages', () => {
	it('the scan catches a topic word, a guilt phrase and a name of a kind (so it can fail)', () => {
		expect(forbiddenWordsIn('Je hebt een nieuwe brief')).toEqual(['brief']);
		expect(forbiddenWordsIn("You haven't checked in")).toContain("you haven't");
		expect(forbiddenWordsIn('Your weekly hour')).toContain('hour');
		expect(forbiddenWordsIn('Je hebt een nieuw bericht in Herstelpad.')).toEqual([]);
	});

	it.each(locales)('push title and body (%s)', (locale) => {
		expect(forbiddenWordsIn(`${PUSH_TEXT[locale].title}\n${PUSH_TEXT[locale].body}`)).toEqual([]);
		expect(PUSH_TEXT[locale].body).toMatch(/Herstelpad/);
	});

	it.each(locales)('e-mail subject, text and HTML (%s)', (locale) => {
		const mail = notificationMail(locale, links);
		const visible = `${mail.subject}\n${mail.text}\n${mail.html.replace(/<[^>]+>/g, ' ')}`.replace(/https:\/\/\S+/g, '');
		expect(forbiddenWordsIn(visible)).toEqual([]);
		expect(mail.subject).toBe(locale === 'nl' ? 'Je hebt een nieuw bericht in Herstelpad' : 'You have a new message in Herstelpad');
	});

	it('one text for every kind: nothing shown depends on what it is about', () => {
		expect(NOTIFICATION_KINDS.every((kind) => OPEN_PATH[kind].startsWith('/'))).toBe(true);
		expect(notificationMail('nl', links)).toEqual(notificationMail('nl', links));
	});

	it('carries RFC 8058 one-click unsubscribe headers and a visible unsubscribe link', () => {
		const mail = notificationMail('en', links);
		expect(mail.headers).toEqual({ 'List-Unsubscribe': `<${links.oneClickLink}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
		expect(mail.text).toContain(links.unsubscribeLink);
		expect(mail.html).toContain(`href="${links.unsubscribeLink.replace('&', '&amp;')}"`);
	});
});
