import { createPatternRule } from './create-pattern-rule';

/** `self-punishment`: see RULE_INFO['self-punishment'] and docs/coach.md. */
const selfPunishment = createPatternRule('self-punishment');
export default selfPunishment;
