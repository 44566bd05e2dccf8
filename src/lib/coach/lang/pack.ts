import type { LanguageData } from '../data/types';
import type { CoachLanguage } from '../types';

/** One language of the coach: its retext parser and its data. */
export interface LanguagePack {
	lang: CoachLanguage;
	// A unified plugin (retext-dutch or retext-english); its own type is not exported usefully.
	parser: Parameters<ReturnType<typeof import('retext').retext>['use']>[0];
	data: LanguageData;
}
