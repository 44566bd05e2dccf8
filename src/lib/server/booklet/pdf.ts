import PDFDocument from 'pdfkit';
import { BOOKLET, type Locale } from './text';

/**
 * Typesets the booklet as an A5 PDF with the PDF standard fonts (Times for reading, Helvetica for
 * headings): nothing is downloaded or embedded from elsewhere. Made once per language per
 * process and kept in memory (it is small, and the same for everyone).
 */
const ACCENT = '#2f6f62';
const INK = '#1f2a28';
const MUTED = '#4f5b58';
const MARGIN = 54;

const cache = new Map<Locale, Promise<Buffer>>();

export function bookletPdf(locale: Locale): Promise<Buffer> {
	let pdf = cache.get(locale);
	if (!pdf) {
		pdf = render(locale);
		cache.set(locale, pdf);
		// A failed render is not kept: the next request tries again.
		pdf.catch(() => cache.delete(locale));
	}
	return pdf;
}

function render(locale: Locale): Promise<Buffer> {
	const text = BOOKLET[locale];
	const doc = new PDFDocument({
		size: 'A5',
		margins: { top: MARGIN, bottom: MARGIN + 10, left: MARGIN, right: MARGIN },
		bufferPages: true,
		lang: locale === 'nl' ? 'nl-NL' : 'en-GB',
		displayTitle: true,
		info: { Title: text.title, Author: 'Herstelpad', Subject: text.subtitle, Creator: 'Herstelpad' }
	});
	const chunks: Buffer[] = [];
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('data', (chunk: Buffer) => chunks.push(chunk));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
	const width = doc.page.width - 2 * MARGIN;

	const heading = (title: string, size = 17) => {
		doc.font('Helvetica-Bold').fontSize(size).fillColor(INK).text(title, { width, lineGap: 2 });
		doc.moveDown(0.6);
	};
	const paragraph = (body: string, options: { color?: string; size?: number } = {}) => {
		doc
			.font('Times-Roman')
			.fontSize(options.size ?? 11.5)
			.fillColor(options.color ?? INK)
			.text(body, { width, align: 'left', lineGap: 3, paragraphGap: 7 });
	};

	// Cover
	doc.rect(0, 0, doc.page.width, doc.page.height * 0.42).fill(ACCENT);
	doc.font('Helvetica-Bold').fontSize(64).fillColor('#ffffff').text('9', MARGIN, 70, { width });
	doc.font('Helvetica-Bold').fontSize(24).text(text.title.replace(/^9\s+/, ''), { width, lineGap: 2 });
	doc.font('Helvetica').fontSize(13).fillColor(INK).text(text.subtitle, MARGIN, doc.page.height * 0.42 + 36, { width, lineGap: 3 });
	doc.font('Helvetica-Bold').fontSize(12).fillColor(ACCENT).text('Herstelpad', MARGIN, doc.page.height - MARGIN - 60, { width });
	doc.font('Helvetica').fontSize(9.5).fillColor(MUTED);
	for (const line of text.colophon) doc.text(line, { width, lineGap: 1 });

	// Introduction
	doc.addPage();
	heading(text.intro.heading, 20);
	for (const body of text.intro.body) paragraph(body);

	// One pitfall per page: number, title, what happens, what helps instead.
	text.pitfalls.forEach((pitfall, index) => {
		doc.addPage();
		doc.font('Helvetica-Bold').fontSize(30).fillColor(ACCENT).text(String(index + 1), { width });
		doc.moveDown(0.2);
		heading(pitfall.title);
		for (const body of pitfall.body) paragraph(body);
		doc.moveDown(0.5);
		const top = doc.y;
		doc.font('Helvetica-Bold').fontSize(10.5).fillColor(ACCENT).text(text.insteadLabel.toUpperCase(), MARGIN + 12, top, { width: width - 12, characterSpacing: 0.6 });
		doc.moveDown(0.3);
		doc.font('Times-Italic').fontSize(11.5).fillColor(INK).text(pitfall.instead, MARGIN + 12, doc.y, { width: width - 12, lineGap: 3 });
		doc
			.moveTo(MARGIN, top - 2)
			.lineTo(MARGIN, doc.y + 2)
			.lineWidth(3)
			.strokeColor(ACCENT)
			.stroke();
		doc.x = MARGIN;
	});

	// Closing and help lines
	doc.addPage();
	heading(text.closing.heading, 20);
	for (const body of text.closing.body) paragraph(body);
	doc.moveDown(1);
	heading(text.help.heading, 14);
	for (const body of text.help.body) paragraph(body, { size: 10.5 });

	// Page numbers, except on the cover; written inside the bottom margin without adding pages.
	const range = doc.bufferedPageRange();
	for (let i = range.start + 1; i < range.start + range.count; i++) {
		doc.switchToPage(i);
		const bottom = doc.page.margins.bottom;
		doc.page.margins.bottom = 0;
		doc
			.font('Helvetica')
			.fontSize(8.5)
			.fillColor(MUTED)
			.text(`${text.title} · ${text.page(i + 1, range.count)}`, MARGIN, doc.page.height - MARGIN + 14, { width, align: 'center', lineBreak: false });
		doc.page.margins.bottom = bottom;
	}
	doc.end();
	return done;
}
