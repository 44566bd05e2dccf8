import nl from '../data/nl/minimizing.json';
import en from '../data/en/minimizing.json';
import { createPatternRule } from './create-pattern-rule';

/** `minimizing`: see RULE_INFO['minimizing'] and docs/coach.md. */
const minimizing = createPatternRule('minimizing', { nl, en });
export default minimizing;
