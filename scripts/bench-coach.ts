/**
 * Benchmark of the apology analyser: median time per apology of about 150 words after warm-up,
 * and figures for 1,500 and 15,000 words to show that time grows linearly with length.
 * Texts above 1,500 words exceed MAX_APOLOGY_LENGTH, so the unchecked `runAnalysis` is measured.
 * Prints figures; never fails on them.
 *
 * To keep the growth factors from being noise on a busy machine:
 * - every size is warmed up (the JIT and the heap see large texts before they are timed);
 * - sizes are measured in interleaved rounds, so a burst of load from another process or a
 *   major garbage collection hits all sizes alike instead of one;
 * - each sample is a batch of about 15,000 words (100 × 150, 10 × 1,500, 1 × 15,000), so every
 *   size gets the same number of samples and the same amount of work per sample;
 * - the figures are medians over many rounds, printed with their interquartile range.
 */
import '../src/lib/coach/languages';
import { runAnalysis } from '../src/lib/coach/analyze';

const NL_PARAGRAPH =
	'Lieve Sanne, ik ben vreemdgegaan met een collega en ik heb er maandenlang over gelogen. Het spijt me, maar ik was zo eenzaam toen jij in het buitenland werkte. ' +
	'Het was maar een paar keer en het betekende niets. Ik weet dat ik je diep heb gekwetst en je vertrouwen heb beschaamd. ' +
	'Omdat jij nooit tijd voor me had, zocht ik het ergens anders, en dat is geen excuus. Er zijn fouten gemaakt en ik ben een slecht mens. ' +
	'Ik hoop dat je me ooit kunt vergeven, in jouw eigen tempo. Ik heb het contact met haar verbroken en ik zal al je vragen eerlijk beantwoorden. ' +
	'Ik zal nooit meer tegen je liegen, en ik ga met je in therapie als jij dat wilt. ';

const PARAGRAPH_WORDS = NL_PARAGRAPH.split(/\s+/).filter(Boolean);

/** The first `targetWords` words of the paragraph repeated, joined by single spaces. */
function textOf(targetWords: number): string {
	const words: string[] = [];
	while (words.length < targetWords) words.push(...PARAGRAPH_WORDS);
	return words.slice(0, targetWords).join(' ');
}

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

function quantile(values: readonly number[], q: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
const median = (values: readonly number[]) => quantile(values, 0.5);

/** Mean time of one analysis over a batch of `runs`, in ms. */
function timeBatch(text: string, runs: number): number {
	const start = performance.now();
	for (let run = 0; run < runs; run++) runAnalysis(text, 'nl');
	return (performance.now() - start) / runs;
}

const WORDS_PER_SAMPLE = 15_000;
const WARM_UP_ROUNDS = 8;
const ROUNDS = 41;

const sizes = [150, 1_500, 15_000].map((target) => {
	const text = textOf(target);
	const words = countWords(text);
	return { text, words, runs: Math.max(1, Math.round(WORDS_PER_SAMPLE / words)), samples: [] as number[] };
});

// Warm-up: the small text first (as a short apology would be), then every size in turn.
for (let run = 0; run < 500; run++) runAnalysis(sizes[0].text, 'nl');
for (let round = 0; round < WARM_UP_ROUNDS; round++) {
	for (const size of sizes) timeBatch(size.text, size.runs);
}

// Time per single apology of ~150 words, as a writer gets it while typing.
const single: number[] = [];
for (let run = 0; run < 1_000; run++) single.push(timeBatch(sizes[0].text, 1));

for (let round = 0; round < ROUNDS; round++) {
	// Rotate the order each round, so no size always runs right after the largest.
	for (let at = 0; at < sizes.length; at++) {
		const size = sizes[(round + at) % sizes.length];
		size.samples.push(timeBatch(size.text, size.runs));
	}
}

const fixed = (value: number, digits: number, width: number) => value.toFixed(digits).padStart(width);

console.log(`Herstelpad apology analyser benchmark (after warm-up, one core; ${ROUNDS} interleaved rounds)`);
for (const size of sizes) {
	const ms = median(size.samples);
	const low = quantile(size.samples, 0.25);
	const high = quantile(size.samples, 0.75);
	console.log(
		`  ${String(size.words).padStart(6)} words  ${fixed(ms, 3, 9)} ms  ${fixed((ms / size.words) * 1000, 2, 6)} µs/word` +
			`  (IQR ${low.toFixed(3)}–${high.toFixed(3)} ms, batches of ${size.runs})`
	);
}
const perApology = median(single);
const budget = perApology < 2 ? 'within' : 'OVER';
console.log(`  ~150 words: ${perApology.toFixed(3)} ms median per apology over ${single.length} single runs (${budget} the 2 ms budget)`);
for (let at = 1; at < sizes.length; at++) {
	const [from, to] = [sizes[at - 1], sizes[at]];
	const timeFactor = median(to.samples) / median(from.samples);
	console.log(
		`  growth ${from.words.toLocaleString('en')}→${to.words.toLocaleString('en')} words: ` +
			`×${timeFactor.toFixed(1)} time for ×${(to.words / from.words).toFixed(1)} words`
	);
}
console.log('  (linear ≈ equal factors)');
