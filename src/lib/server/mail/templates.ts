/**
 * E-mail texts, both languages side by side so neither can be forgotten (the type demands both).
 * Subjects stay neutral: a notification may be seen by someone else.
 */
type Locale = 'nl' | 'en';

export interface MailContent {
	subject: string;
	text: string;
	html: string;
	/** Extra headers, e.g. List-Unsubscribe. */
	headers?: Record<string, string>;
}

/** "1 minuut" / "60 minuten": the language's plural rules, never a string join. */
function count(locale: Locale, n: number, forms: Record<Locale, { one: string; other: string }>) {
	return `${n} ${new Intl.PluralRules(locale).select(n) === 'one' ? forms[locale].one : forms[locale].other}`;
}
const minutesWord = { nl: { one: 'minuut', other: 'minuten' }, en: { one: 'minute', other: 'minutes' } };
const daysWord = { nl: { one: 'dag', other: 'dagen' }, en: { one: 'day', other: 'days' } };

const escape = (s: string) =>
	s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function layout(locale: Locale, paragraphs: string[], link?: { href: string; label: string }, after: string[] = []) {
	const html = (lines: string[]) => lines.map((p) => `<p style="margin:0 0 1em">${escape(p)}</p>`).join('');
	const button = link
		? `<p style="margin:1.5em 0"><a href="${escape(link.href)}" style="background:#2f6f62;color:#fff;padding:.7em 1.2em;border-radius:6px;text-decoration:none">${escape(link.label)}</a></p><p style="font-size:.9em;color:#555">${escape(link.href)}</p>`
		: '';
	return `<!doctype html><html lang="${locale}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#222;max-width:36em;margin:0 auto;padding:1em">${html(paragraphs)}${button}${html(after)}</body></html>`;
}

const reset: Record<Locale, { subject: string; lines: (name: string, minutes: number) => string[]; button: string }> = {
	nl: {
		subject: 'Je wachtwoord opnieuw instellen',
		lines: (name, minutes) => [
			`Hallo ${name},`,
			`Iemand heeft gevraagd om het wachtwoord van je account opnieuw in te stellen. Was jij dat, gebruik dan de link hieronder. Hij werkt één keer en blijft ${count('nl', minutes, minutesWord)} geldig.`,
			'Heb je niets gevraagd? Dan kun je dit bericht negeren; er verandert niets.'
		],
		button: 'Nieuw wachtwoord kiezen'
	},
	en: {
		subject: 'Reset your password',
		lines: (name, minutes) => [
			`Hello ${name},`,
			`Someone asked to reset the password of your account. If that was you, use the link below. It works once and stays valid for ${count('en', minutes, minutesWord)}.`,
			'Did not ask for this? You can ignore this message; nothing changes.'
		],
		button: 'Choose a new password'
	}
};

export function passwordResetMail(locale: Locale, input: { name: string; link: string; minutes: number }): MailContent {
	const t = reset[locale];
	const lines = t.lines(input.name, input.minutes);
	return {
		subject: t.subject,
		text: `${lines.join('\n\n')}\n\n${t.button}: ${input.link}\n`,
		html: layout(locale, lines, { href: input.link, label: t.button })
	};
}


/**
 * An invitation lands in a mailbox whose preview pane others may read: the subject and the lines
 * before the link stay neutral; what Herstelpad is for comes after the link.
 */
const invite: Record<Locale, { subject: (inviter: string) => string; opening: (inviter: string, days: number) => string[]; after: string[]; button: string }> = {
	nl: {
		subject: (inviter) => `Een persoonlijke uitnodiging van ${inviter}`,
		opening: (inviter, days) => ['Hallo,', `${inviter} heeft je een persoonlijke uitnodiging gestuurd. Via de link hieronder lees je waar het om gaat. De link blijft ${count('nl', days, daysWord)} geldig.`],
		after: [
			'Het gaat om Herstelpad, een rustige plek om na ontrouw samen aan vertrouwen te werken, in jullie eigen tempo.',
			'Je beslist zelf of je ingaat op deze uitnodiging. Je krijgt hierover geen herinneringen.',
			'Kende je deze uitnodiging niet, of voelt ze niet goed? Dan kun je dit bericht gewoon negeren.'
		],
		button: 'Uitnodiging bekijken'
	},
	en: {
		subject: (inviter) => `A personal invitation from ${inviter}`,
		opening: (inviter, days) => ['Hello,', `${inviter} has sent you a personal invitation. The link below tells you what it is about. It stays valid for ${count('en', days, daysWord)}.`],
		after: [
			'It is about Herstelpad, a calm place to work on trust together after infidelity, at your own pace.',
			'Whether you accept is entirely up to you. You will not get reminders about it.',
			'Did not expect this, or does it not feel right? You can simply ignore this message.'
		],
		button: 'View the invitation'
	}
};

export function invitationMail(locale: Locale, input: { inviter: string; link: string; days: number }): MailContent {
	const t = invite[locale];
	const opening = t.opening(input.inviter, input.days);
	return {
		subject: t.subject(input.inviter),
		text: `${opening.join('\n\n')}\n\n${t.button}: ${input.link}\n\n${t.after.join('\n\n')}\n`,
		html: layout(locale, opening, { href: input.link, label: t.button }, t.after)
	};
}

/**
 * Sent once, when a comment the writer asked to hear about is published. The subject names no
 * topic: a preview pane may be read by others.
 */
const commentPublished: Record<Locale, { subject: string; lines: (name: string, title: string) => string[]; after: string[]; button: string }> = {
	nl: {
		subject: 'Je reactie is geplaatst',
		lines: (name, title) => [`Hallo ${name},`, `Je reactie onder "${title}" is nagelezen en staat nu online. Dank je wel dat je je ervaring deelt.`],
		after: ['Je krijgt over deze reactie geen e-mails meer. Je e-mailadres wordt nergens getoond.'],
		button: 'Je reactie bekijken'
	},
	en: {
		subject: 'Your comment is published',
		lines: (name, title) => [`Hello ${name},`, `Your comment on "${title}" has been read and is now online. Thank you for sharing your experience.`],
		after: ['You will get no more e-mails about this comment. Your e-mail address is never shown.'],
		button: 'See your comment'
	}
};

export function commentPublishedMail(locale: Locale, input: { name: string; title: string; link: string }): MailContent {
	const t = commentPublished[locale];
	const lines = t.lines(input.name, input.title);
	return {
		subject: t.subject,
		text: `${lines.join('\n\n')}\n\n${t.button}: ${input.link}\n\n${t.after.join('\n\n')}\n`,
		html: layout(locale, lines, { href: input.link, label: t.button }, t.after)
	};
}
