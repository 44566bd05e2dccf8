import type { Root } from 'nlcst';
import type { VFile } from 'vfile';
import { expansionsOf } from '../engine/expansions';
import type { Match } from '../engine/match';
import { CompiledRule } from '../engine/rule-data';
import { report } from '../engine/report';
import { sentencesOf, type Token } from '../engine/tokens';
import { messageFor } from '../messages';
import type { CoachLanguage, RuleId } from '../types';
import type { RuleOptions } from './options';

/** What a rule may look at to tailor its suggestion to one match. */
export interface SuggestionContext {
	text: string;
	lang: CoachLanguage;
	/** The tokens of the sentence the match is in. */
	tokens: readonly Token[];
	match: Match;
}

/**
 * Builds a retext plugin that warns about every match of a rule's patterns, one message per match.
 * Compilation happens when the plugin is attached, not per text. `suggest` may tailor the
 * suggestion (`expected`) to the match; when it gives `null`, the message template's one is used.
 */
export function createPatternRule(
	ruleId: RuleId,
	suggest?: (context: SuggestionContext) => string | null
) {
	return function patternRule(options: RuleOptions) {
		const common = options.data.common;
		const rule = new CompiledRule(options.data.rules[ruleId], common);
		const expansions = expansionsOf(common);
		return function transformer(tree: Root, file: VFile): undefined {
			const text = String(file);
			for (const tokens of sentencesOf(tree, expansions)) {
				for (const match of rule.find(tokens)) {
					const start = tokens[match.reportStart].start;
					const end = tokens[match.reportEnd - 1].end;
					const actual = text.slice(start.offset, end.offset);
					const { reason, expected } = messageFor(ruleId, options.lang, actual);
					const tailored = suggest?.({ text, lang: options.lang, tokens, match }) ?? null;
					report(file, ruleId, reason, { start, end }, actual, tailored ?? expected);
				}
			}
		};
	};
}
