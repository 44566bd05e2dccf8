import { createPatternRule } from './create-pattern-rule';

/** `intimate-detail`: see RULE_INFO['intimate-detail'] and docs/coach.md. */
const intimateDetail = createPatternRule('intimate-detail');
export default intimateDetail;
