import nl from '../data/nl/vague-agency.json';
import en from '../data/en/vague-agency.json';
import { createPatternRule } from './create-pattern-rule';

/** `vague-agency`: see RULE_INFO['vague-agency'] and docs/coach.md. */
const vagueAgency = createPatternRule('vague-agency', { nl, en });
export default vagueAgency;
