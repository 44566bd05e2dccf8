// The page script of pages without SvelteKit's client (src/lib/page-script/index.ts, decision 021),
// and the scripts it loads on the pages that need them: each has a `virtual:` address. In a build
// each script is bundled on its own (its shared modules inlined, minified, no framework) and
// emitted as one asset whose name carries a hash of its content
// (`/_app/immutable/assets/page-script.<hash>.js`, served as immutable), in the server build and
// the client build alike, so the address the server writes into a page is the file the client
// build holds and the service worker keeps for offline reading. `vite dev` and Vitest serve the
// source itself, as a module.
import { build } from 'vite';
import { fileURLToPath } from 'node:url';

/** @type {Record<string, { source: string, name: string }>} address → source file and asset name */
const SCRIPTS = {
	'virtual:page-script': { source: 'src/lib/page-script/index.ts', name: 'page-script.js' },
	// The intimate-detail hint (one language's parser and one rule of the coach), which the page
	// script imports on a page that shows the hint; one per language, so a page loads one.
	'virtual:intimate-hint/nl': { source: 'src/lib/page-script/intimate-hint/nl.ts', name: 'intimate-hint-nl.js' },
	'virtual:intimate-hint/en': { source: 'src/lib/page-script/intimate-hint/en.ts', name: 'intimate-hint-en.js' },
	// The coach's live editor with one language's analyser, which the page script imports on the
	// coach's pages (decision 024); the other language's only when a text is written in it.
	'virtual:coach/nl': { source: 'src/lib/page-script/coach/nl.ts', name: 'coach-nl.js' },
	'virtual:coach/en': { source: 'src/lib/page-script/coach/en.ts', name: 'coach-en.js' }
};

/** @returns {import('vite').Plugin} */
export function pageScript() {
	/** @type {Map<string, Promise<string>>} */
	const code = new Map();
	let serving = false;
	return {
		name: 'herstelpad-page-script',
		configResolved(config) {
			serving = config.command === 'serve';
		},
		resolveId(id) {
			return Object.hasOwn(SCRIPTS, id) ? '\0' + id : undefined;
		},
		async load(resolved) {
			const id = resolved.startsWith('\0') ? resolved.slice(1) : null;
			if (!id || !Object.hasOwn(SCRIPTS, id)) return undefined;
			const { source, name } = SCRIPTS[id];
			if (serving) return `export default ${JSON.stringify(`/${source}`)};`;
			let pending = code.get(id);
			if (!pending) code.set(id, (pending = bundle(fileURLToPath(new URL(`../${source}`, import.meta.url)))));
			const ref = this.emitFile({ type: 'asset', name, source: await pending });
			return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
		}
	};
}

/** @param {string} entry */
async function bundle(entry) {
	const output = await build({
		configFile: false,
		logLevel: 'warn',
		publicDir: false,
		build: {
			write: false,
			minify: true,
			modulePreload: false,
			emptyOutDir: false,
			target: 'es2020',
			// An app build drops an entry's exports; the hint's check is what it exports.
			rollupOptions: { input: entry, preserveEntrySignatures: 'exports-only', output: { format: 'es', codeSplitting: false } }
		}
	});
	const [result] = Array.isArray(output) ? output : [output];
	if (!('output' in result)) throw new Error(`${entry}: unexpected build result`);
	const chunks = result.output.filter((item) => item.type === 'chunk');
	if (chunks.length !== 1) throw new Error(`${entry}: expected one chunk, got ${chunks.length}`);
	return chunks[0].code;
}
