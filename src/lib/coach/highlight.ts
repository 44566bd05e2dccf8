import type { Finding } from './types';

export interface Segment {
	text: string;
	ruleId: string | null;
	index: number | null;
}

/**
 * Cuts the text into plain and highlighted pieces for the backdrop behind the editor. Overlaps
 * keep the earlier finding, so every character appears exactly once.
 */
export function segments(text: string, findings: Finding[]): Segment[] {
	const marks = findings
		.map((f, index) => ({ f, index }))
		.filter(({ f }) => f.endOffset > f.offset)
		.sort((a, b) => a.f.offset - b.f.offset);
	const out: Segment[] = [];
	let at = 0;
	for (const { f, index } of marks) {
		if (f.offset < at) continue;
		if (f.offset > at) out.push({ text: text.slice(at, f.offset), ruleId: null, index: null });
		out.push({ text: text.slice(f.offset, f.endOffset), ruleId: f.ruleId, index });
		at = f.endOffset;
	}
	if (at < text.length) out.push({ text: text.slice(at), ruleId: null, index: null });
	return out;
}
