import { createPatternRule } from './create-pattern-rule';

/** `minimizing`: see RULE_INFO['minimizing'] and docs/coach.md. */
const minimizing = createPatternRule('minimizing');
export default minimizing;
