// The intimate-detail hint in Dutch, bundled on its own (scripts/page-script-plugin.js): Dutch's
// parser and one rule's words, loaded by pages that show the hint.
import retextDutch from 'retext-dutch';
import common from '../../coach/data/nl/common.json';
import rule from '../../coach/data/nl/intimate-detail.json';
import { intimateDetailCheck } from '../../coach/intimate-detail-check';

export const mentionsIntimateDetail = intimateDetailCheck({ lang: 'nl', parser: retextDutch, common, rule });
