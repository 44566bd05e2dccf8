import nl from '../data/nl/self-punishment.json';
import en from '../data/en/self-punishment.json';
import { createPatternRule } from './create-pattern-rule';

/** `self-punishment`: see RULE_INFO['self-punishment'] and docs/coach.md. */
const selfPunishment = createPatternRule('self-punishment', { nl, en });
export default selfPunishment;
