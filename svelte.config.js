import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';


/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: 'build', precompress: true }),
		alias: { $content: 'content' },
		// Nonces for SvelteKit's own inline bootstrap script, nothing else may run inline.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				// Our own service worker (src/service-worker.ts), from our own origin only.
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'form-action': ['self'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'frame-ancestors': ['none'],
			}
		},
		// Our own origin check in hooks.server.ts replaces SvelteKit's (see security/csrf.ts).
		csrf: { trustedOrigins: ['*'] }
	}
};

export default config;
