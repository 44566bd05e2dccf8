/** One set of Paraglide options for the Vite plugin and for `npm run check` (scripts/compile-messages.js). */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	strategy: ['url', 'cookie', 'baseLocale'],
	cookieName: 'herstelpad_lang'
};
