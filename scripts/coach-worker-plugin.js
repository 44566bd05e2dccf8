// Bundles the analyser's worker thread (src/lib/server/coach/worker.ts) into one self-contained
// ES module and offers its code as the string `virtual:coach-worker`. The server starts the
// worker from a data: URL, so the production build (adapter-node puts server code in chunks
// whose names change) needs no separate file at run time, and Vitest and `vite dev` run the
// same code as production.
import { build } from 'vite';
import { fileURLToPath } from 'node:url';

const ID = 'virtual:coach-worker';
const RESOLVED = '\0' + ID;
const entry = fileURLToPath(new URL('../src/lib/server/coach/worker.ts', import.meta.url));

/** @returns {import('vite').Plugin} */
export function coachWorker() {
	/** @type {Promise<string> | undefined} */
	let code;
	return {
		name: 'herstelpad-coach-worker',
		resolveId(id) {
			return id === ID ? RESOLVED : undefined;
		},
		async load(id) {
			if (id !== RESOLVED) return undefined;
			code ??= bundle();
			this.addWatchFile(entry);
			return `export default ${JSON.stringify(await code)};`;
		},
		watchChange(id) {
			if (id.includes('/src/lib/coach/') || id === entry) code = undefined;
		}
	};
}

async function bundle() {
	const output = await build({
		configFile: false,
		logLevel: 'warn',
		publicDir: false,
		ssr: { noExternal: true, target: 'node' },
		build: {
			ssr: entry,
			write: false,
			minify: true,
			emptyOutDir: false,
			rollupOptions: { output: { format: 'es', codeSplitting: false } }
		}
	});
	const [result] = Array.isArray(output) ? output : [output];
	if (!('output' in result)) throw new Error('coach worker: unexpected build result');
	const chunks = result.output.filter((item) => item.type === 'chunk');
	if (chunks.length !== 1) throw new Error(`coach worker: expected one chunk, got ${chunks.length}`);
	return chunks[0].code;
}
