// The page script of pages without SvelteKit's client (src/lib/page-script/index.ts, decision 021):
// `virtual:page-script` is its address. In a build the script is bundled on its own (its shared
// modules inlined, minified, no framework) and emitted as one asset whose name carries a hash of
// its content (`/_app/immutable/assets/page-script.<hash>.js`, served as immutable), in the
// server build and the client build alike, so the address the server writes into a page is the
// file the client build holds and the service worker keeps for offline reading. `vite dev` and
// Vitest serve the source itself, as a module.
import { build } from 'vite';
import { fileURLToPath } from 'node:url';

const ID = 'virtual:page-script';
const RESOLVED = '\0' + ID;
const entry = fileURLToPath(new URL('../src/lib/page-script/index.ts', import.meta.url));

/** @returns {import('vite').Plugin} */
export function pageScript() {
	/** @type {Promise<string> | undefined} */
	let code;
	let serving = false;
	return {
		name: 'herstelpad-page-script',
		configResolved(config) {
			serving = config.command === 'serve';
		},
		resolveId(id) {
			return id === ID ? RESOLVED : undefined;
		},
		async load(id) {
			if (id !== RESOLVED) return undefined;
			if (serving) return `export default ${JSON.stringify('/src/lib/page-script/index.ts')};`;
			code ??= bundle();
			const ref = this.emitFile({ type: 'asset', name: 'page-script.js', source: await code });
			return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
		}
	};
}

async function bundle() {
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
			rollupOptions: { input: entry, output: { format: 'es', codeSplitting: false } }
		}
	});
	const [result] = Array.isArray(output) ? output : [output];
	if (!('output' in result)) throw new Error('page script: unexpected build result');
	const chunks = result.output.filter((item) => item.type === 'chunk');
	if (chunks.length !== 1) throw new Error(`page script: expected one chunk, got ${chunks.length}`);
	return chunks[0].code;
}
