import type { Root } from 'nlcst';
import { retext } from 'retext';
import type { VFile } from 'vfile';
import type { LanguagePack } from './lang/pack';
import type { RuleOptions } from './rules/options';

type Transformer = (tree: Root, file: VFile) => undefined;

/** A rule of the coach: a retext plugin, `(options) => (tree, file)`. */
export type RulePlugin = (options: RuleOptions) => Transformer;

/** A frozen processor that parses and checks, but never stringifies. */
export interface CoachProcessor {
	parse(file: VFile): Root;
	runSync(tree: Root, file: VFile): Root;
}

/**
 * A language's parser with the given rules, each given the same options. On its own module so the
 * intimate-detail hint can build its one-rule processor without importing every rule.
 */
export function buildProcessor(parser: LanguagePack['parser'], rules: readonly RulePlugin[], options: RuleOptions): CoachProcessor {
	// unified's chained generics do not survive a loop; the shape we use is small and stable.
	let chain = retext().use(parser) as unknown as {
		use(plugin: RulePlugin, options: RuleOptions): typeof chain;
		freeze(): CoachProcessor;
	};
	for (const rule of rules) chain = chain.use(rule, options);
	return chain.freeze();
}
