import { describe, expect, it } from 'vitest';
import { invitationMail } from './templates';

// Words that tell a reader over someone's shoulder what this is about.
const revealing = /herstelpad|ontrouw|vreemd|vertrouwen|relatie|infidelity|affair|trust|relationship/i;

describe('invitation e-mail', () => {
	for (const locale of ['nl', 'en'] as const) {
		it(`keeps the subject and the lines before the link neutral (${locale})`, () => {
			const link = 'https://herstelpad.example/invite/abcdefghijklmnopqrstuvwxyz';
			const mail = invitationMail(locale, { inviter: 'Sam', link, days: 7 });
			expect(mail.subject).not.toMatch(revealing);
			const [beforeText, afterText] = mail.text.split(link);
			expect(beforeText).not.toMatch(revealing);
			expect(afterText).toMatch(revealing);
			const [beforeHtml] = mail.html.split(`href="${link}"`);
			expect(beforeHtml.replace(/<[^>]+>/g, ' ')).not.toMatch(revealing);
			expect(mail.html.indexOf('Herstelpad')).toBeGreaterThan(mail.html.indexOf(link));
		});
	}
});
