// The intimate-detail hint in English, bundled on its own (scripts/page-script-plugin.js):
// English's parser and one rule's words, loaded by pages that show the hint.
import retextEnglish from 'retext-english';
import common from '../../coach/data/en/common.json';
import rule from '../../coach/data/en/intimate-detail.json';
import { intimateDetailCheck } from '../../coach/intimate-detail-check';

export const mentionsIntimateDetail = intimateDetailCheck({ lang: 'en', parser: retextEnglish, common, rule });
