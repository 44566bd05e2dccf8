import { createMissingRule } from './create-missing-rule';

/** `missing-ownership`: its data lists the ways the element is expressed; the rule reports when none is found. */
const missingOwnership = createMissingRule('missing-ownership');
export default missingOwnership;
