// Provided by scripts/page-script-plugin.js: the page script's address (hashed in a build).
declare module 'virtual:page-script' {
	const href: string;
	export default href;
}
