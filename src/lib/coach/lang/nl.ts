import retextDutch from 'retext-dutch';
import data from '../data/nl/index';
import type { LanguagePack } from './pack';

/** The coach in Dutch: the browser imports this on its own (see ../browser.ts). */
const nl: LanguagePack = { lang: 'nl', parser: retextDutch, data };
export default nl;
