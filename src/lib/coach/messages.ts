import type { CoachLanguage, RuleId } from './types';

interface MessageTemplate {
	/** The reason; `{actual}` is replaced by the matched words. */
	reason: string;
	expected: string | null;
}

// Short, warm reasons in the text's own language; the long explanation lives in RULE_INFO.
const TEMPLATES: Record<RuleId, Record<CoachLanguage, MessageTemplate>> = {
	'blame-shift': {
		nl: { reason: '„{actual}” legt de oorzaak bij je partner; benoem wat jij deed, zonder te wijzen', expected: null },
		en: { reason: '“{actual}” puts the cause on your partner; name what you did, without pointing', expected: null }
	},
	'conditional-apology': {
		nl: { reason: '„{actual}” maakt je spijt voorwaardelijk of richt zich op hun gevoel; zeg waar je spijt van hebt', expected: 'Het spijt me dat ik …' },
		en: { reason: '“{actual}” makes your regret conditional or aims it at their feelings; say what you regret', expected: 'I’m sorry that I …' }
	},
	'but-apology': {
		nl: { reason: '„{actual}” na je spijtbetuiging neemt die weer terug; zet er een punt achter', expected: 'Het spijt me.' },
		en: { reason: '“{actual}” after your apology takes it back; end the sentence there', expected: 'I’m sorry.' }
	},
	minimizing: {
		nl: { reason: '„{actual}” maakt wat je deed kleiner; noem het zoals het was', expected: null },
		en: { reason: '“{actual}” makes what you did smaller; call it what it was', expected: null }
	},
	justification: {
		nl: { reason: '„{actual}” klinkt als een excuus; uitleg kan later, als je partner erom vraagt', expected: null },
		en: { reason: '“{actual}” sounds like an excuse; explanations can come later, when your partner asks', expected: null }
	},
	'intimate-detail': {
		nl: { reason: '„{actual}” geeft intieme details of vergelijkt; benoem de daad zonder details', expected: null },
		en: { reason: '“{actual}” gives intimate details or compares; name the act without details', expected: null }
	},
	'forgiveness-pressure': {
		nl: { reason: '„{actual}” zet je partner onder druk; vergeving kent geen termijn', expected: 'Ik hoop dat je me ooit kunt vergeven, in jouw tempo.' },
		en: { reason: '“{actual}” puts pressure on your partner; forgiveness has no deadline', expected: 'I hope you can forgive me one day, in your own time.' }
	},
	'vague-agency': {
		nl: { reason: '„{actual}” laat weg wie het deed; zeg „ik heb …”', expected: 'ik heb …' },
		en: { reason: '“{actual}” leaves out who did it; say “I …”', expected: 'I …' }
	},
	'self-punishment': {
		nl: { reason: '„{actual}” maakt van jou het slachtoffer; blijf bij wat je deed en wat je gaat veranderen', expected: null },
		en: { reason: '“{actual}” makes you the one to pity; stay with what you did and what you will change', expected: null }
	},
	'missing-regret': {
		nl: { reason: 'Je zegt nergens dat het je spijt', expected: 'Het spijt me.' },
		en: { reason: 'You do not say anywhere that you are sorry', expected: 'I’m sorry.' }
	},
	'missing-ownership': {
		nl: { reason: 'Je benoemt nergens in de ik-vorm wat je deed', expected: 'Ik ben vreemdgegaan.' },
		en: { reason: 'You do not name what you did in your own words (“I …”)', expected: 'I cheated on you.' }
	},
	'missing-acknowledgment': {
		nl: { reason: 'Je zegt nergens, zonder voorwaarde, dat je je partner pijn hebt gedaan', expected: 'Ik heb je pijn gedaan.' },
		en: { reason: 'You do not say, without a condition, that you hurt your partner', expected: 'I hurt you.' }
	},
	'missing-commitment': {
		nl: { reason: 'Je belooft nergens wat je anders gaat doen', expected: 'Ik zal …' },
		en: { reason: 'You do not commit to anything you will do differently', expected: 'I will …' }
	}
};

/** The reason and suggestion for a finding, in the text's language. */
export function messageFor(ruleId: RuleId, lang: CoachLanguage, actual: string): MessageTemplate {
	const template = TEMPLATES[ruleId][lang];
	return { reason: template.reason.replace('{actual}', actual), expected: template.expected };
}
