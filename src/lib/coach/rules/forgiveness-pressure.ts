import nl from '../data/nl/forgiveness-pressure.json';
import en from '../data/en/forgiveness-pressure.json';
import { createPatternRule } from './create-pattern-rule';

/** `forgiveness-pressure`: see RULE_INFO['forgiveness-pressure'] and docs/coach.md. */
const forgivenessPressure = createPatternRule('forgiveness-pressure', { nl, en });
export default forgivenessPressure;
