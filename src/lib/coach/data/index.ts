import type { CommonData, RuleData } from '../engine/rule-data';
import type { CoachLanguage } from '../types';
import nlCommon from './nl/common.json';
import enCommon from './en/common.json';

/** Shared word sets and expansions per language. */
export const COMMON: Record<CoachLanguage, CommonData> = { nl: nlCommon, en: enCommon };

/** One rule's data in both languages. */
export type RuleDataByLanguage = Record<CoachLanguage, RuleData>;
