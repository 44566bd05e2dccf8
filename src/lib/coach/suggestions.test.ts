import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORPUS } from './corpus/load';
import { analyzeApology, RULE_IDS, type CoachLanguage } from './index';
import { messageFor } from './messages';

const warningsIn = (text: string, lang: CoachLanguage) =>
	analyzeApology(text, { lang })
		.findings.filter((finding) => finding.severity === 'warning')
		.map((finding) => finding.ruleId);

/** Openings that invite a tailored "but" suggestion, some of them pitfalls themselves. */
const OPENINGS: Record<CoachLanguage, string[]> = {
	nl: ['Sorry als je je gekwetst voelt', 'Het spijt me als ik je pijn heb gedaan', 'Het spijt me dat het zo gelopen is', 'Sorry dat je het zo opvat', 'Het spijt me', 'Het spijt me echt dat ik heb gelogen', 'Sorry dat je je zo voelt'],
	en: ["I'm sorry if you feel hurt", "I'm sorry if I hurt you", "I'm sorry you feel that way", 'Sorry that it turned out this way', "I'm sorry", "I'm truly sorry that I lied", "I'm sorry if that upset you"]
};
const TAILS: Record<CoachLanguage, string[]> = {
	nl: ['maar jij was er ook nooit voor mij.', 'maar het was maar een slippertje.', 'maar ik was eenzaam.', 'maar jij moet me nu wel vergeven.'],
	en: ['but you were never there for me either.', 'but it was just a fling.', 'but I was lonely.', 'but you have to forgive me now.']
};

function textsIn(lang: CoachLanguage) {
	const sentences = CORPUS[lang].flatMap((entry) => entry.text.split(/(?<=[.!?])\s+/));
	const pitfall = fc.tuple(fc.constantFrom(...OPENINGS[lang]), fc.constantFrom(', ', ' '), fc.constantFrom(...TAILS[lang])).map(([a, gap, b]) => a + gap + b);
	return fc.array(fc.oneof(pitfall, fc.constantFrom(...sentences)), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' '));
}

describe('the coach never suggests what it warns against', () => {
	it('keeps every rule’s fixed suggestion free of warnings', () => {
		for (const lang of ['nl', 'en'] as const) {
			for (const ruleId of RULE_IDS) {
				const { expected } = messageFor(ruleId, lang, '');
				if (expected !== null) expect(warningsIn(expected, lang), `${lang} ${ruleId}: ${expected}`).toEqual([]);
			}
		}
	});

	for (const lang of ['nl', 'en'] as const) {
		it(`gives no suggestion that raises a warning when analysed on its own (${lang})`, () => {
			fc.assert(
				fc.property(textsIn(lang), (text) => {
					for (const finding of analyzeApology(text, { lang }).findings) {
						if (finding.expected !== null) expect(warningsIn(finding.expected, lang), `${finding.ruleId}: ${finding.expected}`).toEqual([]);
					}
				}),
				{ numRuns: 200 }
			);
		});
	}

	it('suggests the plain apology for a "but" after a conditional one, in both languages', () => {
		const nl = analyzeApology('Sorry als je je gekwetst voelt, maar jij was er ook nooit voor mij.', { lang: 'nl' });
		const en = analyzeApology("I'm sorry if you feel hurt, but you were never there for me either.", { lang: 'en' });
		expect(nl.findings.find((f) => f.ruleId === 'but-apology')?.expected).toBe('Het spijt me.');
		expect(en.findings.find((f) => f.ruleId === 'but-apology')?.expected).toBe('I’m sorry.');
		// A clean tailored suggestion is still tailored.
		const plain = analyzeApology('Het spijt me dat ik heb gelogen, maar ik was eenzaam.', { lang: 'nl' });
		expect(plain.findings.find((f) => f.ruleId === 'but-apology')?.expected).toBe('Het spijt me dat ik heb gelogen.');
	});
});

describe('blame after "maar" / "but" is found alike in Dutch and English', () => {
	const pairs: [string, string][] = [
		['Het spijt me, maar jij was er ook nooit voor mij.', "I'm sorry, but you were never there for me either."],
		['Het spijt me, maar jij was er ook niet voor mij.', "I'm sorry, but you weren't there for me either."],
		['Het spijt me, maar jij was ook nooit thuis.', "I'm sorry, but you were never home either."],
		['Het spijt me, maar jij bent ook niet onschuldig.', "I'm sorry, but you're not innocent either."],
		['Ik heb je bedrogen, maar jij was er ook nooit.', 'I cheated on you, but you were never there either.'],
		['Het spijt me, maar ge waart er ook nooit voor mij.', "I'm sorry, but you were never really there for me either."]
	];
	it.each(pairs)('%s | %s', (nl, en) => {
		expect(warningsIn(nl, 'nl')).toContain('blame-shift');
		expect(warningsIn(en, 'en')).toContain('blame-shift');
	});

	it('does not call it blame when the partner simply was not there, or was always there', () => {
		expect(warningsIn('Jij was er niet bij, en ik heb het maandenlang voor je verborgen.', 'nl')).not.toContain('blame-shift');
		expect(warningsIn('You were not there when it happened, and I hid it from you for months.', 'en')).not.toContain('blame-shift');
		expect(warningsIn('Jij was er altijd voor mij, en ik heb dat verraden.', 'nl')).not.toContain('blame-shift');
		expect(warningsIn('You were always there for me, and I betrayed that.', 'en')).not.toContain('blame-shift');
	});
});
