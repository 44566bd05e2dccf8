import nl from '../data/nl/missing-ownership.json';
import en from '../data/en/missing-ownership.json';
import { createMissingRule } from './create-missing-rule';

/** `missing-ownership`: its data lists the ways the element is expressed; the rule reports when none is found. */
const missingOwnership = createMissingRule('missing-ownership', { nl, en });
export default missingOwnership;
