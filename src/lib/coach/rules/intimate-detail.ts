import nl from '../data/nl/intimate-detail.json';
import en from '../data/en/intimate-detail.json';
import { createPatternRule } from './create-pattern-rule';

/** `intimate-detail`: see RULE_INFO['intimate-detail'] and docs/coach.md. */
const intimateDetail = createPatternRule('intimate-detail', { nl, en });
export default intimateDetail;
