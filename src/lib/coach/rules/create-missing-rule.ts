import type { Root } from 'nlcst';
import type { VFile } from 'vfile';
import { expansionsOf } from '../engine/expansions';
import { CompiledRule } from '../engine/rule-data';
import { report } from '../engine/report';
import { sentencesOf } from '../engine/tokens';
import { messageFor } from '../messages';
import { MISSING_RULES } from '../rule-ids';
import type { ElementName } from '../types';
import { setElement } from './elements';
import type { RuleOptions } from './options';

const START = { line: 1, column: 1, offset: 0 };

/**
 * Builds a retext plugin that records whether an element of a good apology is present and, when it
 * is not, reports an `info` message at the start of the text (absence has no place of its own).
 */
export function createMissingRule(ruleId: keyof typeof MISSING_RULES) {
	const element: ElementName = MISSING_RULES[ruleId];
	return function missingRule(options: RuleOptions) {
		const common = options.data.common;
		const rule = new CompiledRule(options.data.rules[ruleId], common);
		const expansions = expansionsOf(common);
		return function transformer(tree: Root, file: VFile): undefined {
			const present = sentencesOf(tree, expansions).some((tokens) => rule.find(tokens).length > 0);
			setElement(file, element, present);
			if (present) return;
			const { reason, expected } = messageFor(ruleId, options.lang, '');
			report(file, ruleId, reason, { start: START, end: START }, '', expected);
		};
	};
}
