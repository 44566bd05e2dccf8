import { afterEach, describe, expect, it } from 'vitest';
import { analyzeApology, MAX_APOLOGY_LENGTH } from '../../coach';
import { DomainError } from '../errors';
import { AnalysisPool, defaultPoolSize } from './pool';

const short = 'Het spijt me dat ik heb gelogen, maar jij was er ook nooit voor mij.';
const long = 'Ik ben vreemdgegaan en het spijt me. Het was maar een slippertje, omdat jij er nooit was. '.repeat(250).slice(0, MAX_APOLOGY_LENGTH);

const codeOf = (promise: Promise<unknown>) =>
	promise.then(
		() => 'ok',
		(err: unknown) => (err instanceof DomainError ? err.code : String(err))
	);

describe('the analysis pool', () => {
	let pool: AnalysisPool;
	afterEach(async () => pool.close());

	it('answers from a worker thread with exactly what the analyser gives on the main thread', async () => {
		pool = new AnalysisPool({ size: 1 });
		const texts = [short, long, 'I am sorry if you feel hurt, but you were never there for me either.', ''];
		const results = await Promise.all(texts.map((text, i) => pool.run(text, { owner: `writer-${i}` })));
		expect(results).toEqual(texts.map((text) => analyzeApology(text)));
		expect(await pool.run(short, { owner: 'x', lang: 'en' })).toEqual(analyzeApology(short, { lang: 'en' }));
	});

	it('refuses at once with analysis_busy when its queue is full, and still answers the queued texts', async () => {
		pool = new AnalysisPool({ size: 1, maxQueue: 2, perOwner: 100 });
		const runs = Array.from({ length: 5 }, () => codeOf(pool.run(long, { owner: 'flood' })));
		expect(await Promise.all(runs)).toEqual(['ok', 'ok', 'analysis_busy', 'analysis_busy', 'analysis_busy']);
	});

	it('lets one owner hold only a few places, so others still get in', async () => {
		pool = new AnalysisPool({ size: 1, maxQueue: 10, perOwner: 2 });
		const runs = [...Array.from({ length: 4 }, () => codeOf(pool.run(long, { owner: 'user:a' }))), codeOf(pool.run(short, { owner: 'user:b' }))];
		expect(await Promise.all(runs)).toEqual(['ok', 'ok', 'too_many_attempts', 'too_many_attempts', 'ok']);
		// Places are given back once answered.
		expect(await codeOf(pool.run(short, { owner: 'user:a' }))).toBe('ok');
	});

	it('refuses a burst of one owner before its admission check runs, so the burst costs no look-ups', async () => {
		pool = new AnalysisPool({ size: 1, perOwner: 2 });
		let lookups = 0;
		const admit = async () => {
			lookups++;
		};
		const runs = Array.from({ length: 50 }, () => codeOf(pool.run(short, { owner: 'user:burst', admit })));
		const codes = await Promise.all(runs);
		expect(codes.filter((code) => code === 'ok')).toHaveLength(2);
		expect(codes.filter((code) => code === 'too_many_attempts')).toHaveLength(48);
		expect(lookups).toBe(2);
		// A refusal by the admission check (a rate limit) gives the place back.
		const refuse = async () => {
			throw new DomainError('too_many_attempts', { retryAfterSeconds: 30 });
		};
		expect(await codeOf(pool.run(short, { owner: 'user:limited', admit: refuse }))).toBe('too_many_attempts');
		expect(await codeOf(pool.run(short, { owner: 'user:limited' }))).toBe('ok');
	});

	it('refuses a text that overruns its time budget, ends that worker and answers the next text with a fresh one', async () => {
		pool = new AnalysisPool({ size: 1, budgetMs: 1 });
		expect(await codeOf(pool.run(long, { owner: 'slow' }))).toBe('analysis_too_slow');
		expect(pool.stats()).toEqual({ workers: 0, busy: 0, queued: 0 });
		pool.budgetMs = 10_000;
		expect(await pool.run(short, { owner: 'slow' })).toEqual(analyzeApology(short));
	});

	it('reports a text the analyser refuses as a failed run, not a crash of the pool', async () => {
		pool = new AnalysisPool({ size: 1 });
		expect(await codeOf(pool.run('x'.repeat(MAX_APOLOGY_LENGTH + 1), { owner: 'big' }))).toBe('Error: analysis failed: RangeError');
		expect(await pool.run(short, { owner: 'big' })).toEqual(analyzeApology(short));
	});

	it('refuses the waiting texts when workers cannot even start, instead of restarting them forever', async () => {
		pool = new AnalysisPool({ size: 1, perOwner: 10, source: "throw new Error('a broken build')" });
		const waiting = Array.from({ length: 3 }, (_, i) => codeOf(pool.run(short, { owner: `w${i}` })));
		expect(await Promise.all(waiting)).toEqual(['analysis_busy', 'analysis_busy', 'analysis_busy']);
		expect(pool.stats()).toEqual({ workers: 0, busy: 0, queued: 0 });
	});

	it('starts its workers ahead of the first text when warmed, and they answer', async () => {
		pool = new AnalysisPool({ size: 2 });
		expect(pool.stats().workers).toBe(0);
		pool.warm();
		expect(pool.stats()).toEqual({ workers: 2, busy: 0, queued: 0 });
		expect(await pool.run(short, { owner: 'first' })).toEqual(analyzeApology(short));
		expect(pool.stats().workers).toBe(2);
	});
});

describe('the pool size', () => {
	it('leaves a core to the main thread, and shares the rest among several app processes', () => {
		expect([1, 2, 4, 8, 16].map((cores) => defaultPoolSize(cores))).toEqual([1, 1, 3, 4, 4]);
		// One process per core (scripts/cluster.js): each main thread has its core, one analyser thread each.
		expect(defaultPoolSize(2, 2)).toBe(1);
		expect(defaultPoolSize(8, 8)).toBe(1);
		expect(defaultPoolSize(16, 4)).toBe(3);
	});
});
