/**
 * The web app manifest: what a phone needs to put Herstelpad on its home screen. The colours are
 * the light values of --accent and --bg in src/lib/styles/tokens.css (manifest.test.ts keeps them
 * equal); the icons are drawn from static/icons/icon.svg (scripts/icons.mjs makes the PNGs).
 */
export const THEME_COLOR = '#2f6f62';
export const BACKGROUND_COLOR = '#f7f4ee';

export const MANIFEST_ICONS = [
	{ src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
	{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
	{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
	{ src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
] as const;

export function webAppManifest(input: { lang: string; description: string; startUrl: string }) {
	return {
		id: '/',
		name: 'Herstelpad',
		short_name: 'Herstelpad',
		description: input.description,
		lang: input.lang,
		dir: 'ltr',
		start_url: input.startUrl,
		scope: '/',
		display: 'standalone',
		orientation: 'any',
		theme_color: THEME_COLOR,
		background_color: BACKGROUND_COLOR,
		categories: ['health', 'lifestyle'],
		icons: MANIFEST_ICONS
	};
}
