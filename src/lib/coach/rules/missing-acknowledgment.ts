import { createMissingRule } from './create-missing-rule';

/** `missing-acknowledgment`: its data lists the ways the element is expressed; the rule reports when none is found. */
const missingAcknowledgment = createMissingRule('missing-acknowledgment');
export default missingAcknowledgment;
