// Provided by scripts/page-script-plugin.js: the addresses of the separately bundled scripts
// (hashed in a build).
declare module 'virtual:page-script' {
	const href: string;
	export default href;
}
declare module 'virtual:intimate-hint/nl' {
	const href: string;
	export default href;
}
declare module 'virtual:intimate-hint/en' {
	const href: string;
	export default href;
}
declare module 'virtual:coach/nl' {
	const href: string;
	export default href;
}
declare module 'virtual:coach/en' {
	const href: string;
	export default href;
}
