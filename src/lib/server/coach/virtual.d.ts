/** The analyser's worker, bundled into one ES module by scripts/coach-worker-plugin.js. */
declare module 'virtual:coach-worker' {
	const code: string;
	export default code;
}
