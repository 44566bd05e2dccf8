import { createPatternRule } from './create-pattern-rule';

/** `conditional-apology`: see RULE_INFO['conditional-apology'] and docs/coach.md. */
const conditionalApology = createPatternRule('conditional-apology');
export default conditionalApology;
