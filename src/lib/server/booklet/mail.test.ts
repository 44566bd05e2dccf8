import { describe, expect, it } from 'vitest';
import { bookletConfirmationMail } from './mail';

// Words that tell a reader over someone's shoulder what this is about.
const revealing = /herstelpad|ontrouw|vreemd|vertrouwen|relatie|valkuil|infidelity|affair|trust|relationship|pitfall/i;

describe('booklet confirmation e-mail', () => {
	for (const locale of ['nl', 'en'] as const) {
		it(`keeps the subject and the lines before the link neutral, and ends with the unsubscribe link (${locale})`, () => {
			const confirmLink = 'https://herstelpad.example/booklet/confirm?token=abc';
			const unsubscribeLink = 'https://herstelpad.example/booklet/unsubscribe?token=abc';
			const mail = bookletConfirmationMail(locale, { confirmLink, unsubscribeLink, days: 7 });
			expect(mail.subject).not.toMatch(revealing);
			const [before, after] = mail.text.split(confirmLink);
			expect(before).not.toMatch(revealing);
			expect(after).toMatch(revealing);
			expect(mail.text.trim().endsWith(unsubscribeLink)).toBe(true);
			expect(mail.html.split(`href="${confirmLink}"`)[0].replace(/<[^>]+>/g, ' ')).not.toMatch(revealing);
			expect(mail.html).toContain(`href="${unsubscribeLink}"`);
			expect(mail.headers).toEqual({ 'List-Unsubscribe': `<${unsubscribeLink}>` });
			expect(mail.html).toContain(`lang="${locale}"`);
		});
	}
});
