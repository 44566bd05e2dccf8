import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

// The standard fonts' metrics ship with pdfjs-dist; without them it warns on every page.
const standardFontDataUrl = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';

/** Parses a PDF the way a reader would: the number of pages and each page's text, spaces normalised. */
export async function readPdf(data: Uint8Array): Promise<{ pages: number; text: string[]; title: string | undefined; language: string | undefined }> {
	const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false, standardFontDataUrl }).promise;
	const text: string[] = [];
	for (let n = 1; n <= pdf.numPages; n++) {
		const content = await (await pdf.getPage(n)).getTextContent();
		text.push(
			content.items
				.map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : ''))
				.join('')
				.replace(/\s+/g, ' ')
				.trim()
		);
	}
	const meta = await pdf.getMetadata();
	const info = meta.info as { Title?: string; Language?: string };
	const result = { pages: pdf.numPages, text, title: info.Title, language: info.Language };
	await pdf.destroy();
	return result;
}
