import nl from '../data/nl/conditional-apology.json';
import en from '../data/en/conditional-apology.json';
import { createPatternRule } from './create-pattern-rule';

/** `conditional-apology`: see RULE_INFO['conditional-apology'] and docs/coach.md. */
const conditionalApology = createPatternRule('conditional-apology', { nl, en });
export default conditionalApology;
