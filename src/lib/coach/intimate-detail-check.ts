import { VFile } from 'vfile';
import { buildProcessor } from './build-processor';
import type { CommonData, RuleData } from './engine/rule-data';
import type { LanguageData } from './data/types';
import type { LanguagePack } from './lang/pack';
import { analysablePart } from './limits';
import intimateDetail from './rules/intimate-detail';

/** What the intimate-detail check needs of a language: its parser, its shared word sets and the one rule. */
export interface IntimateDetailPack {
	lang: LanguagePack['lang'];
	parser: LanguagePack['parser'];
	common: CommonData;
	rule: RuleData;
}

/**
 * The coach's `intimate-detail` rule on its own, for the live hint beside the honest account.
 * The rule reports its own matches whatever the other rules find, so this says exactly what the
 * whole analyser says about it (a test holds the two together over the corpus), with one
 * language's parser and one rule's words instead of the whole coach.
 */
export function intimateDetailCheck(pack: IntimateDetailPack): (text: string) => boolean {
	// The rule reads only its own entry of `rules`; the others are absent from this bundle.
	const data = { common: pack.common, rules: { 'intimate-detail': pack.rule } } as unknown as LanguageData;
	const processor = buildProcessor(pack.parser, [intimateDetail], { lang: pack.lang, data });
	return (text) => {
		const part = analysablePart(text);
		if (!part.trim()) return false;
		const file = new VFile(part);
		processor.runSync(processor.parse(file), file);
		return file.messages.length > 0;
	};
}
