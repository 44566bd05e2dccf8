import type { LanguageData } from '../data/types';
import type { CoachLanguage } from '../types';

/** Options every rule plugin takes: the language of the text it checks, and that language's data. */
export interface RuleOptions {
	lang: CoachLanguage;
	data: LanguageData;
}
