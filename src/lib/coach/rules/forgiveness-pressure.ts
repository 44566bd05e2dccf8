import { createPatternRule } from './create-pattern-rule';

/** `forgiveness-pressure`: see RULE_INFO['forgiveness-pressure'] and docs/coach.md. */
const forgivenessPressure = createPatternRule('forgiveness-pressure');
export default forgivenessPressure;
