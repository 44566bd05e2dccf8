import nl from '../data/nl/but-apology.json';
import en from '../data/en/but-apology.json';
import { createPatternRule } from './create-pattern-rule';

/** `but-apology`: see RULE_INFO['but-apology'] and docs/coach.md. */
const butApology = createPatternRule('but-apology', { nl, en });
export default butApology;
