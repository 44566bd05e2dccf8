import nl from '../data/nl/justification.json';
import en from '../data/en/justification.json';
import { createPatternRule } from './create-pattern-rule';

/** `justification`: see RULE_INFO['justification'] and docs/coach.md. */
const justification = createPatternRule('justification', { nl, en });
export default justification;
