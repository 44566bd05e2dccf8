import { createPatternRule } from './create-pattern-rule';

/** `blame-shift`: see RULE_INFO['blame-shift'] and docs/coach.md. */
const blameShift = createPatternRule('blame-shift');
export default blameShift;
