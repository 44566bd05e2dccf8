import { publicUrl } from '../env';
import { getMailer } from '../mail';
import type { BookletMailDeps } from './signups';
// Relative, not $lib: the job worker also runs outside Vite (tests/setup/jobs-process.ts).
import { localizeHref } from '../../paraglide/runtime.js';

/** The app's mailer and links from configuration (ORIGIN), in the sign-up's language. */
export function bookletMailDeps(): BookletMailDeps {
	return {
		mailer: getMailer(),
		linkTo: (path, token, locale) => publicUrl(localizeHref(`${path}?token=${token}`, { locale }))
	};
}
