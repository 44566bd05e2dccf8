// The coach in Dutch, bundled on its own (scripts/page-script-plugin.js): the analyser with the
// Dutch parser and data, and the live editor. The page script loads it on the coach's pages (decision 024).
import { analyzeApology } from '../../coach/analyze';
import { addLanguage } from '../../coach/processor';
import pack from '../../coach/lang/nl';
import { startCoachEditor } from './editor';

addLanguage(pack);

export { analyzeApology, startCoachEditor };
