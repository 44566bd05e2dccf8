import type { Root } from 'nlcst';
import { retext } from 'retext';
import retextDutch from 'retext-dutch';
import retextEnglish from 'retext-english';
import type { VFile } from 'vfile';
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
import type { RuleOptions } from './rules/options';
import type { CoachLanguage } from './types';

type Transformer = (tree: Root, file: VFile) => undefined;

/** The rule plugins in the order of the public contract. */
export const RULE_PLUGINS: readonly ((options: RuleOptions) => Transformer)[] = [
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

/** A frozen processor that parses and checks, but never stringifies. */
export interface CoachProcessor {
	parse(file: VFile): Root;
	runSync(tree: Root, file: VFile): Root;
}

const processors = new Map<CoachLanguage, CoachProcessor>();

/** The processor for a language, built once: parser plus all rules. */
export function processorFor(lang: CoachLanguage): CoachProcessor {
	let processor = processors.get(lang);
	if (!processor) {
		// unified's chained generics do not survive a loop; the shape we use is small and stable.
		let chain = retext().use(lang === 'nl' ? retextDutch : retextEnglish) as unknown as {
			use(plugin: (options: RuleOptions) => Transformer, options: RuleOptions): typeof chain;
			freeze(): CoachProcessor;
		};
		for (const plugin of RULE_PLUGINS) chain = chain.use(plugin, { lang });
		processor = chain.freeze();
		processors.set(lang, processor);
	}
	return processor;
}
