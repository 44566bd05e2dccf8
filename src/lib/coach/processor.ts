import blameShift from './rules/blame-shift';
import butApology from './rules/but-apology';
import conditionalApology from './rules/conditional-apology';
import forgivenessPressure from './rules/forgiveness-pressure';
import intimateDetail from './rules/intimate-detail';
import justification from './rules/justification';
import minimizing from './rules/minimizing';
import missingAcknowledgment from './rules/missing-acknowledgment';
import missingCommitment from './rules/missing-commitment';
import missingOwnership from './rules/missing-ownership';
import missingRegret from './rules/missing-regret';
import selfPunishment from './rules/self-punishment';
import vagueAgency from './rules/vague-agency';
import { buildProcessor, type CoachProcessor, type RulePlugin } from './build-processor';
import type { LanguagePack } from './lang/pack';
import type { CoachLanguage } from './types';

/** The rule plugins in the order of the public contract. */
export const RULE_PLUGINS: readonly RulePlugin[] = [
	blameShift,
	conditionalApology,
	butApology,
	minimizing,
	justification,
	intimateDetail,
	forgivenessPressure,
	vagueAgency,
	selfPunishment,
	missingRegret,
	missingOwnership,
	missingAcknowledgment,
	missingCommitment
];


// The languages are added by who uses the coach: the server and the tools add both (./languages),
// the browser only the one it needs, loaded when needed (./browser), so a page carries one
// language's parser and data rather than two.
const packs = new Map<CoachLanguage, LanguagePack>();
const processors = new Map<CoachLanguage, CoachProcessor>();

/** Makes a language available to `processorFor`. */
export function addLanguage(pack: LanguagePack): void {
	packs.set(pack.lang, pack);
}

/** Whether `addLanguage` has been given this language. */
export function hasLanguage(lang: CoachLanguage): boolean {
	return packs.has(lang);
}

/** The processor for a language, built once: parser plus all rules. */
export function processorFor(lang: CoachLanguage): CoachProcessor {
	let processor = processors.get(lang);
	if (!processor) {
		const pack = packs.get(lang);
		if (!pack) throw new Error(`the coach's ${lang} language is not loaded`);
		processor = buildProcessor(pack.parser, RULE_PLUGINS, { lang, data: pack.data });
		processors.set(lang, processor);
	}
	return processor;
}
