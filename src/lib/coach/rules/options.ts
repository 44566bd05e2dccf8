import type { CoachLanguage } from '../types';

/** Options every rule plugin takes: the language of the text it checks. */
export interface RuleOptions {
	lang: CoachLanguage;
}
