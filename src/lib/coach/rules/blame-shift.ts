import nl from '../data/nl/blame-shift.json';
import en from '../data/en/blame-shift.json';
import { createPatternRule } from './create-pattern-rule';

/** `blame-shift`: see RULE_INFO['blame-shift'] and docs/coach.md. */
const blameShift = createPatternRule('blame-shift', { nl, en });
export default blameShift;
