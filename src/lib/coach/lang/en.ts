import retextEnglish from 'retext-english';
import data from '../data/en/index';
import type { LanguagePack } from './pack';

/** The coach in English: the browser imports this on its own (see ../browser.ts). */
const en: LanguagePack = { lang: 'en', parser: retextEnglish, data };
export default en;
