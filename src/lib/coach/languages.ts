// Both languages, for the server, the worker thread, the tools and the tests: importing this
// module makes `analyzeApology` work for Dutch and English. The browser uses ./browser instead.
import { addLanguage } from './processor';
import en from './lang/en';
import nl from './lang/nl';

addLanguage(nl);
addLanguage(en);
