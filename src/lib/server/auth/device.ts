/**
 * A short, human description of a device from its User-Agent: family and browser, nothing finer
 * (no versions, no model numbers), so the sessions list helps someone recognise their own phone
 * without storing a fingerprint. Our own few rules instead of a parser library (ua-parser-js 2 is
 * AGPL); order matters because every Chromium browser also says "Chrome" and "Safari".
 */
const FAMILIES: [RegExp, string][] = [
	[/iPhone|iPod/, 'iPhone'],
	[/iPad/, 'iPad'],
	[/Android/, 'Android'],
	[/CrOS/, 'ChromeOS'],
	[/Windows/, 'Windows'],
	[/Macintosh|Mac OS X/, 'Mac'],
	[/Linux|X11/, 'Linux']
];

const BROWSERS: [RegExp, string][] = [
	[/Edg(e|A|iOS)?\//, 'Edge'],
	[/OPR\/|Opera/, 'Opera'],
	[/SamsungBrowser\//, 'Samsung Internet'],
	[/Firefox\/|FxiOS\//, 'Firefox'],
	[/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
	[/Version\/[\d.]+.*Safari\/|Mobile\/\w+ Safari|Safari\//, 'Safari']
];

export function describeDevice(userAgent: string | null | undefined): string | null {
	if (!userAgent) return null;
	const ua = userAgent.slice(0, 512);
	const family = FAMILIES.find(([pattern]) => pattern.test(ua))?.[1];
	const browser = BROWSERS.find(([pattern]) => pattern.test(ua))?.[1];
	if (!family && !browser) return null;
	return [family, browser].filter(Boolean).join(' · ');
}
