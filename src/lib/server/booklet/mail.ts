import type { MailContent } from '../mail/templates';

/**
 * The booklet's one e-mail: confirm the sign-up, with an unsubscribe link (as in every e-mail we
 * send about the booklet). Both languages side by side. The subject and the lines before the link
 * stay neutral, because a preview pane may be read by others; what it is about comes after.
 */
type Locale = 'nl' | 'en';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const texts: Record<Locale, { subject: string; opening: string[]; button: string; after: (days: number) => string[]; unsubscribe: string }> = {
	nl: {
		subject: 'Bevestig je aanvraag',
		opening: ['Hallo,', 'Iemand vroeg met dit e-mailadres een gratis download aan. Was jij dat, bevestig het dan met de knop hieronder; daarna kun je meteen downloaden.'],
		button: 'Bevestigen',
		after: (days) => [
			'Het gaat om het boekje ‘9 valkuilen bij relatieherstel’ van Herstelpad.',
			`Heb je niets aangevraagd? Dan hoef je niets te doen. Zonder bevestiging wissen we dit adres na ${days} dagen.`
		],
		unsubscribe: 'Geen e-mails meer van ons en je adres gewist? Schrijf je hier uit:'
	},
	en: {
		subject: 'Confirm your request',
		opening: ['Hello,', 'Someone asked for a free download with this e-mail address. If that was you, confirm it with the button below; then you can download it straight away.'],
		button: 'Confirm',
		after: (days) => [
			'It is the booklet ‘9 pitfalls in repairing a relationship’ from Herstelpad.',
			`Did not ask for this? Then there is nothing to do. Without confirmation we delete this address after ${days} days.`
		],
		unsubscribe: 'No more e-mails from us, and your address deleted? Unsubscribe here:'
	}
};

export function bookletConfirmationMail(locale: Locale, input: { confirmLink: string; unsubscribeLink: string; days: number }): MailContent {
	const t = texts[locale];
	const after = t.after(input.days);
	const p = (line: string) => `<p style="margin:0 0 1em">${escape(line)}</p>`;
	const html =
		`<!doctype html><html lang="${locale}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#222;max-width:36em;margin:0 auto;padding:1em">` +
		t.opening.map(p).join('') +
		`<p style="margin:1.5em 0"><a href="${escape(input.confirmLink)}" style="background:#2f6f62;color:#fff;padding:.7em 1.2em;border-radius:6px;text-decoration:none">${escape(t.button)}</a></p>` +
		`<p style="font-size:.9em;color:#555">${escape(input.confirmLink)}</p>` +
		after.map(p).join('') +
		`<p style="font-size:.9em;color:#555">${escape(t.unsubscribe)} <a href="${escape(input.unsubscribeLink)}">${escape(input.unsubscribeLink)}</a></p>` +
		`</body></html>`;
	return {
		subject: t.subject,
		text: `${t.opening.join('\n\n')}\n\n${t.button}: ${input.confirmLink}\n\n${after.join('\n\n')}\n\n${t.unsubscribe} ${input.unsubscribeLink}\n`,
		html,
		headers: { 'List-Unsubscribe': `<${input.unsubscribeLink}>` }
	};
}
