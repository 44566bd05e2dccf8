import { m } from '$lib/paraglide/messages.js';
import { dateFormat, EXPORT_DATE_TIME } from '$lib/format';
import type { UserExport } from './export';
import { getGuide } from '../program/guides';
import { isStepOf, type Track } from '../program/steps';
import { renderTrustExportHtml } from '../trust/export';
import { renderTriggersExportHtml } from '../triggers/export-html';
import { renderHourExportHtml } from '../hour/export-html';
import { renderCalendarExportHtml } from '../calendar/export-html';
import { renderNotificationsExportHtml } from '../notifications/export-html';

type Locale = 'nl' | 'en';
type MessageFn = (inputs: Record<string, never>, options: { locale: Locale }) => string;

/** The page is for a person (or their therapist), so stored ids become the words the app shows. */
function named(key: string, locale: Locale, fallback: string) {
	const fn = (m as unknown as Record<string, MessageFn | undefined>)[key];
	return fn ? fn({}, { locale }) : fallback;
}

function stepTitle(track: string, step: string, locale: Locale) {
	const known = (track === 'repairing' || track === 'hurt') && isStepOf(track as Track, step);
	return (known && getGuide(track as Track, step, locale)?.title) || `${track} / ${step}`;
}

const esc = (s: string | null | undefined) =>
	(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const labels = {
	nl: {
		title: 'Mijn gegevens uit Herstelpad',
		intro: 'Een leesbaar overzicht van alles wat Herstelpad over jou bewaart, bijvoorbeeld om met een therapeut te delen. Alleen jouw eigen gegevens staan erin.',
		account: 'Account',
		apologies: 'Excuses',
		version: 'Versie',
		reflections: 'Reflecties',
		shared: 'gedeeld met je partner',
		private: 'privé',
		letters: 'Verstuurde brieven',
		opened: 'geopend',
		delivered: 'afgeleverd',
		withdrawn: 'ingetrokken',
		waiting: 'wacht tot je partner er klaar voor is',
		needs: 'Wat ik nodig heb',
		acknowledged: 'erkend door je partner',
		programme: 'Afgeronde stappen',
		consent: 'Toestemming',
		consentGiven: 'gegeven',
		consentWithdrawn: 'ingetrokken',
		textVersion: 'tekstversie',
		pace: 'Mijn tempo',
		decisions: 'Samen of apart',
		reviewOn: 'opnieuw bekijken op',
		madeSolo: 'voor jezelf gekozen',
		archived: 'eerdere keuze',
		nothingWritten: 'Nog niets geschreven.',
		noSteps: 'Nog geen stappen afgerond.',
		noConsent: 'Nog niets vastgelegd.',
		exported: 'Gemaakt op',
		wishes: 'Mijn wensen',
		wishEveryday: 'klein en dagelijks',
		wishBigger: 'groter',
		answer: 'antwoord van je partner',
		commitments: 'Mijn afspraken',
		askedFor: 'je partner vroeg hierom',
		checkIns: 'Check-ins',
		late: 'later ingevuld',
		noticed: 'je partner merkte het',
		notNoticed: 'je partner merkte het niet',
		history: 'Geschiedenis',
		comments: 'Mijn reacties op afspraken van mijn partner',
		selfTests: 'Bewaarde resultaten van de herstelkans-test',
		noSelfTests: 'Geen resultaten bewaard.',
		indicator: 'indicator',
		safetyFirst: 'veiligheid eerst',
		helps: 'Wat al helpt',
		workOn: 'Waar je aan kunt werken',
		talk: 'Het gesprek',
		pointLetters: 'Impactbrief en herstelbrief',
		impactLetter: 'Impactbrief',
		restitutionLetter: 'Herstelbrief',
		noAnswer: 'nog geen antwoord',
		agreementsProposed: 'Afspraken die ik voorstelde',
		accepted: 'aanvaard',
		timeout: 'time-outwoord',
		myAccount: 'Mijn eerlijke verhaal',
		draft: 'nog niet verstuurd',
		sentOn: 'verstuurd',
		addedLater: 'later toegevoegd',
		reason: 'waarom nu pas',
		questionsAsked: 'Mijn vragen',
		repliesWritten: 'Mijn antwoorden en vervolgvragen'
	},
	en: {
		title: 'My data from Herstelpad',
		intro: 'A readable overview of everything Herstelpad keeps about you, for example to share with a therapist. Only your own data is in it.',
		account: 'Account',
		apologies: 'Apologies',
		version: 'Version',
		reflections: 'Reflections',
		shared: 'shared with your partner',
		private: 'private',
		letters: 'Letters sent',
		opened: 'opened',
		delivered: 'delivered',
		withdrawn: 'withdrawn',
		waiting: 'waiting until your partner is ready',
		needs: 'What I need',
		acknowledged: 'acknowledged by your partner',
		programme: 'Completed steps',
		consent: 'Consent',
		consentGiven: 'given',
		consentWithdrawn: 'withdrawn',
		textVersion: 'text version',
		pace: 'My pace',
		decisions: 'Together or apart',
		reviewOn: 'look at it again on',
		madeSolo: 'chosen for yourself',
		archived: 'earlier choice',
		nothingWritten: 'Nothing written yet.',
		noSteps: 'No steps completed yet.',
		noConsent: 'Nothing recorded yet.',
		exported: 'Made on',
		wishes: 'My wishes',
		wishEveryday: 'small, everyday',
		wishBigger: 'bigger',
		answer: "your partner's answer",
		commitments: 'My commitments',
		askedFor: 'your partner asked for this',
		checkIns: 'Check-ins',
		late: 'added later',
		noticed: 'your partner noticed',
		notNoticed: 'your partner did not notice',
		history: 'History',
		comments: "My comments on my partner's commitments",
		selfTests: 'Saved results of the repair readiness test',
		noSelfTests: 'No results saved.',
		indicator: 'indicator',
		safetyFirst: 'safety first',
		helps: 'What already helps',
		workOn: 'What to work on',
		talk: 'Talking it through',
		pointLetters: 'Impact and restitution letters',
		impactLetter: 'Impact letter',
		restitutionLetter: 'Restitution letter',
		noAnswer: 'no answer yet',
		agreementsProposed: 'Agreements I proposed',
		accepted: 'accepted',
		timeout: 'time-out word',
		myAccount: 'My honest account',
		draft: 'not sent yet',
		sentOn: 'sent',
		addedLater: 'added later',
		reason: 'why only now',
		questionsAsked: 'My questions',
		repliesWritten: 'My answers and follow-ups'
	}
} satisfies Record<Locale, Record<string, string>>;

/** A self-contained HTML page (no scripts, no external assets) that prints well. */
export function renderExportHtml(data: UserExport, locale: Locale): string {
	const t = labels[locale];
	const date = (s: string | null) => (s ? dateFormat(locale, EXPORT_DATE_TIME).format(new Date(s)) : '');
	const para = (text: string) => esc(text).replace(/\n/g, '<br>');
	// An empty section says kindly that nothing is there yet, never a bare "Nothing".
	const list = <T,>(items: T[], render: (item: T) => string, empty: string = t.nothingWritten) => (items.length ? items.map(render).join('') : `<p>${empty}</p>`);
	return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title}</title>
<style>body{font-family:Georgia,serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#1f2a28}h1,h2,h3{font-family:system-ui,sans-serif}article{border-top:1px solid #ccc;padding:.5rem 0}.meta{color:#555;font-size:.9rem;font-family:system-ui,sans-serif}</style>
</head><body>
<h1>${t.title}</h1>
<p>${t.intro}</p>
<p class="meta">${t.exported} ${date(data.exportedAt)}</p>
<h2>${t.account}</h2>
<p>${esc(data.account.displayName)} · ${esc(data.account.email)}${data.account.role ? ` · ${esc(named(`role_${data.account.role}`, locale, data.account.role))}` : ''}</p>
<h2>${t.apologies}</h2>
${list(data.apologies, (a) => a.versions.map((v) => `<article><h3>${t.version} ${v.number}</h3><p class="meta">${date(v.savedAt)}</p><p>${para(v.text)}</p></article>`).join(''))}
<h2>${t.reflections}</h2>
${list(data.reflections, (r) => `<article><h3>${esc(named(`reflection_prompt_${r.prompt.replaceAll('-', '_')}`, locale, r.prompt))}</h3><p class="meta">${date(r.updatedAt)} · ${r.shared ? t.shared : t.private}</p><p>${para(r.text)}</p></article>`)}
<h2>${t.letters}</h2>
${list(data.lettersSent, (l) => `<article><p class="meta">${date(l.sentAt)} · ${t[l.state]}</p><p>${para(l.text)}</p></article>`)}
${data.pace ? `<h2>${t.pace}</h2><p>${esc(named(`pace_${data.pace.status.replaceAll('-', '_')}`, locale, data.pace.status))}</p>${data.pace.note ? `<p>${para(data.pace.note)}</p>` : ''}` : ''}
<h2>${t.needs}</h2>
${list(data.needs, (n) => `<article><p>${para(n.text)}</p><p class="meta">${date(n.createdAt)}${n.acknowledgedAt ? ` · ${t.acknowledged}` : ''}</p></article>`)}
<h2>${t.wishes}</h2>
${list(data.wishes, (w) => `<article><p class="meta">${w.size === 'bigger' ? t.wishBigger : t.wishEveryday} · ${w.shared ? t.shared : t.private} · ${date(w.createdAt)}</p><p>${para(w.text)}</p>${w.answer ? `<p class="meta">${t.answer}: ${esc(named(`wish_answer_${w.answer.replace('-', '_')}`, locale, w.answer))}${w.answerReason ? ` — ${esc(w.answerReason)}` : ''}</p>` : ''}</article>`)}
<h2>${t.commitments}</h2>
${list(
	data.commitments,
	(c) => `<article><h3>${esc(c.title)}</h3><p class="meta">${esc(named(`deeds_rhythm_${c.rhythm}`, locale, c.rhythm))}${c.rhythm === 'weekdays' ? ` (${c.weekdays.map((d) => esc(named(`deeds_weekday_short_${d}`, locale, String(d)))).join(', ')})` : ''} · ${esc(named(`deeds_status_${c.status}`, locale, c.status))} · ${c.shared ? t.shared : t.private}${c.askedFor ? ` · ${t.askedFor}` : ''}</p>${c.why ? `<p>${para(c.why)}</p>` : ''}
<h4>${t.history}</h4>${c.history.map((e) => `<p class="meta">${date(e.at)} · ${esc(named(`deeds_event_${e.kind}`, locale, e.kind))}${e.reason ? ` — ${esc(e.reason)}` : ''}</p>`).join('')}
<h4>${t.checkIns}</h4>${list(c.checkIns, (k) => `<p>${esc(k.day)} · ${esc(named(`checkin_${k.outcome.replace('-', '_')}`, locale, k.outcome))}${k.late ? ` · ${t.late}` : ''}${k.partnerNoticed ? ` · ${k.partnerNoticed === 'noticed' ? t.noticed : t.notNoticed}` : ''}${k.note ? `<br>${para(k.note)}` : ''}</p>`)}
${c.ownComments.map((m) => `<p class="meta">${date(m.createdAt)}</p><p>${para(m.text)}</p>`).join('')}</article>`
)}
${data.commitmentComments.length ? `<h2>${t.comments}</h2>${data.commitmentComments.map((m) => `<article><p class="meta">${date(m.createdAt)}</p><p>${para(m.text)}</p></article>`).join('')}` : ''}
${renderTrustExportHtml(data.trust, locale)}
${renderTriggersExportHtml(data.triggers, locale)}
${renderHourExportHtml(data.hour, locale)}
${renderCalendarExportHtml(data.calendarFeed, locale)}
${renderNotificationsExportHtml(data.notifications, locale)}
${data.decisions.length ? `<h2>${t.decisions}</h2>${list(data.decisions, (d) => `<article><h3>${esc(named(`decision_path_${d.path}`, locale, d.path))}</h3><p class="meta">${date(d.updatedAt)} · ${t.reviewOn} ${esc(d.reviewOn)}${d.madeIn === 'solo' ? ` · ${t.madeSolo}` : ''}${d.archivedAt ? ` · ${t.archived}` : ''}</p><p>${para(d.why)}</p></article>`)}` : ''}
<h2>${t.talk}</h2>
<h3>${t.agreementsProposed}</h3>
${list(data.talk.agreementsProposed, (a) => `<article><p>${esc(named(`talk_detail_${a.detail.replaceAll('-', '_')}`, locale, a.detail))} · ${esc(named(`talk_timing_${a.timing.replaceAll('-', '_')}`, locale, a.timing))}${a.minutes ? ` · ${a.minutes} min` : ''}${a.timeOfDay ? ` · ${esc(a.timeOfDay)}` : ''} · ${t.timeout}: ${esc(a.timeoutWord)}</p>${a.offLimits ? `<p>${para(a.offLimits)}</p>` : ''}${a.note ? `<p>${para(a.note)}</p>` : ''}<p class="meta">${date(a.proposedAt)}${a.acceptedAt ? ` · ${t.accepted} ${date(a.acceptedAt)}` : ''}</p></article>`)}
<h3>${t.myAccount}</h3>
${list(data.talk.accounts, (a) => `<p class="meta">${a.sentAt ? `${t.sentOn} ${date(a.sentAt)}` : t.draft}</p>${a.entries.map((e) => `<article><p class="meta">${esc(e.approximate ? '~' : '')}${esc(e.from)}${e.to ? ` – ${esc(e.to)}` : ''}${e.addedLater ? ` · ${t.addedLater} ${date(e.addedAt)}` : ''}</p>${e.reason ? `<p>${t.reason}: ${para(e.reason)}</p>` : ''}<p>${para(e.text)}</p></article>`).join('')}`)}
<h3>${t.questionsAsked}</h3>
${list(data.talk.questionsAsked, (q) => `<article><p>${para(q.text)}</p><p class="meta">${date(q.askedAt)}</p></article>`)}
<h3>${t.repliesWritten}</h3>
${list(data.talk.repliesWritten, (r) => `<article><p>${para(r.text)}</p><p class="meta">${date(r.at)}</p></article>`)}
${data.pointLetters.length ? `<h2>${t.pointLetters}</h2>${data.pointLetters.map((l) => `<h3>${l.kind === 'impact' ? t.impactLetter : t.restitutionLetter}</h3>${l.versions.map((v) => `<article><p class="meta">${t.version} ${v.number} · ${date(v.savedAt)}${v.sentAt ? ` · ${t.sentOn} ${date(v.sentAt)}` : ` · ${t.draft}`}</p><ol>${(v.points ?? v.answers ?? []).map((text) => `<li>${text ? para(text) : `<span class="meta">${t.noAnswer}</span>`}</li>`).join('')}</ol></article>`).join('')}`).join('')}` : ''}
<h2>${t.programme}</h2>
${list(data.programme, (p) => `<p>${esc(stepTitle(p.track, p.step, locale))} · ${date(p.doneAt)}</p>`, t.noSteps)}
<h2>${t.selfTests}</h2>
${list(data.selfTests, (r) => `<article><p class="meta">${date(r.savedAt)} · ${esc(named(`role_${r.role}`, locale, r.role))} · ${r.indicator === null ? t.safetyFirst : `${t.indicator} ${r.indicator}/100`}</p><p>${t.helps}: ${r.helps.map((f) => esc(named(`selftest_factor_${f}`, locale, f))).join(', ') || '–'}</p><p>${t.workOn}: ${r.workOn.map((f) => esc(named(`selftest_factor_${f}`, locale, f))).join(', ') || '–'}</p></article>`, t.noSelfTests)}
<h2>${t.consent}</h2>
${list(data.consent, (c) => `<p>${c.kind === 'withdrawn' ? t.consentWithdrawn : t.consentGiven} · ${t.textVersion} ${esc(c.textVersion)} · ${date(c.at)}</p>`, t.noConsent)}
</body></html>`;
}
