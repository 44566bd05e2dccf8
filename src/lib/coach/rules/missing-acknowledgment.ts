import nl from '../data/nl/missing-acknowledgment.json';
import en from '../data/en/missing-acknowledgment.json';
import { createMissingRule } from './create-missing-rule';

/** `missing-acknowledgment`: its data lists the ways the element is expressed; the rule reports when none is found. */
const missingAcknowledgment = createMissingRule('missing-acknowledgment', { nl, en });
export default missingAcknowledgment;
