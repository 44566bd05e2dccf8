import { createMissingRule } from './create-missing-rule';

/** `missing-regret`: its data lists the ways the element is expressed; the rule reports when none is found. */
const missingRegret = createMissingRule('missing-regret');
export default missingRegret;
