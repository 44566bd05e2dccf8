#!/usr/bin/env node
// Draws the app's PNG icons from our own SVGs (static/icons/icon.svg and maskable.svg) with the
// same Chromium the browser journeys use. The PNGs are committed; run this after changing an SVG:
//   node scripts/icons.mjs
// (CHROMIUM_PATH picks another browser.) icons.test.ts checks that every PNG is there at its size.
import { chromium } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';

const dir = new URL('../static/icons/', import.meta.url);
const outputs = [
	{ svg: 'icon.svg', png: 'icon-192.png', size: 192 },
	{ svg: 'icon.svg', png: 'icon-512.png', size: 512 },
	{ svg: 'maskable.svg', png: 'maskable-512.png', size: 512 },
	{ svg: 'maskable.svg', png: 'apple-touch-icon.png', size: 180 }
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
	for (const { svg, png, size } of outputs) {
		const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
		const source = readFileSync(new URL(svg, dir), 'utf8').replace('<svg ', `<svg width="${size}" height="${size}" `);
		await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${source}`);
		writeFileSync(new URL(png, dir), await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
		await page.close();
		console.log(`static/icons/${png} (${size}×${size})`);
	}
} finally {
	await browser.close();
}
