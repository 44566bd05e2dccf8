/**
 * Benchmark of the apology analyser: median time per apology of about 150 words after warm-up,
 * and figures for 1,500 and 15,000 words to show that time grows linearly with length.
 * Texts above 1,500 words exceed MAX_APOLOGY_LENGTH, so the unchecked `runAnalysis` is measured.
 * Prints figures; never fails on them.
 */
import { runAnalysis } from '../src/lib/coach/analyze';

const NL_PARAGRAPH =
	'Lieve Sanne, ik ben vreemdgegaan met een collega en ik heb er maandenlang over gelogen. Het spijt me, maar ik was zo eenzaam toen jij in het buitenland werkte. ' +
	'Het was maar een paar keer en het betekende niets. Ik weet dat ik je diep heb gekwetst en je vertrouwen heb beschaamd. ' +
	'Omdat jij nooit tijd voor me had, zocht ik het ergens anders, en dat is geen excuus. Er zijn fouten gemaakt en ik ben een slecht mens. ' +
	'Ik hoop dat je me ooit kunt vergeven, in jouw eigen tempo. Ik heb het contact met haar verbroken en ik zal al je vragen eerlijk beantwoorden. ' +
	'Ik zal nooit meer tegen je liegen, en ik ga met je in therapie als jij dat wilt. ';

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

function textOf(targetWords: number): string {
	let text = '';
	while (words(text) < targetWords) text += NL_PARAGRAPH;
	return text.split(/\s+/).slice(0, targetWords).join(' ');
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

function measure(text: string, runs: number): number {
	const times: number[] = [];
	for (let run = 0; run < runs; run++) {
		const start = performance.now();
		runAnalysis(text, 'nl');
		times.push(performance.now() - start);
	}
	return median(times);
}

const small = textOf(150);
for (let run = 0; run < 200; run++) runAnalysis(small, 'nl');

const rows = [
	{ words: words(small), ms: measure(small, 500) },
	{ words: words(textOf(1_500)), ms: measure(textOf(1_500), 60) },
	{ words: words(textOf(15_000)), ms: measure(textOf(15_000), 15) }
];

console.log('Herstelpad apology analyser benchmark (median after warm-up, one core)');
for (const row of rows) {
	const perWord = (row.ms / row.words) * 1000;
	console.log(`  ${String(row.words).padStart(6)} words  ${row.ms.toFixed(3).padStart(9)} ms  ${perWord.toFixed(2).padStart(6)} µs/word`);
}
const budget = rows[0].ms < 2 ? 'within' : 'OVER';
console.log(`  ~150 words: ${rows[0].ms.toFixed(3)} ms per apology (${budget} the 2 ms budget)`);
console.log(`  growth 150→1,500 words: ×${(rows[1].ms / rows[0].ms).toFixed(1)} time for ×${(rows[1].words / rows[0].words).toFixed(1)} words`);
console.log(`  growth 1,500→15,000 words: ×${(rows[2].ms / rows[1].ms).toFixed(1)} time for ×${(rows[2].words / rows[1].words).toFixed(1)} words (linear ≈ equal factors)`);
