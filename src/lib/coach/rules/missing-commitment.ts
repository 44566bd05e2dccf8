import { createMissingRule } from './create-missing-rule';

/** `missing-commitment`: its data lists the ways the element is expressed; the rule reports when none is found. */
const missingCommitment = createMissingRule('missing-commitment');
export default missingCommitment;
