import type { AnalysisResult, CoachLanguage } from '../../coach';
import type { Database } from '../db';
import { DomainError } from '../errors';
import { hitLimit, type Limit } from '../security/rate-limit';
import { getEnv } from '../env';
import { availableParallelism } from 'node:os';
import { AnalysisPool, defaultPoolSize } from './pool';

let pool: AnalysisPool | undefined;

/** The process's one analysis pool, started on first use. */
export function analysisPool(): AnalysisPool {
	if (!pool) {
		// Several app processes (WEB_CONCURRENCY, set for each by scripts/cluster.js) share the cores.
		pool = new AnalysisPool({ size: defaultPoolSize(availableParallelism(), getEnv().WEB_CONCURRENCY) });
		// adapter-node's signal that the server is stopping; the workers go with it.
		process.once('sveltekit:shutdown', () => void pool?.close());
	}
	return pool;
}

/** Analyses off the main thread; refuses with a DomainError when the pool is full or the text too slow. */
export function analyzeOffThread(text: string, options: { lang?: CoachLanguage; owner: string; admit?: () => Promise<void> }): Promise<AnalysisResult> {
	return analysisPool().run(text, options);
}

/** "Check without saving" per signed-in user: generous for a writer, far below a flood. */
export const ANALYZE_FORM_LIMIT: Limit = { max: 30, windowSeconds: 60 };

/** Counts one analysis request of `userId` and refuses (429, with a wait) above the limit. */
export async function limitAnalysis(db: Database, userId: string, limit: Limit = ANALYZE_FORM_LIMIT) {
	const state = await hitLimit(db, `coach-analyze:user:${userId}`, limit);
	if (!state.allowed) throw new DomainError('too_many_attempts', { retryAfterSeconds: state.retryAfterSeconds });
}
