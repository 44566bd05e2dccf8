import type { CoachLanguage, RuleId } from '../types';
import nl from './nl.json';
import en from './en.json';

/** One labelled apology of the corpus. */
export interface CorpusEntry {
	id: string;
	batch: number;
	expect: RuleId[];
	text: string;
}

/** The corpus per language. */
export const CORPUS: Record<CoachLanguage, CorpusEntry[]> = {
	nl: nl.entries as CorpusEntry[],
	en: en.entries as CorpusEntry[]
};
