/**
 * The analyser's worker thread. It is bundled into one self-contained module at build time
 * (scripts/coach-worker-plugin.js), so it imports only relative paths and Node built-ins.
 */
import { parentPort } from 'node:worker_threads';
import { setPriority } from 'node:os';
import '../../coach/languages';
import { analyzeApology } from '../../coach/analyze';
import type { CoachLanguage } from '../../coach/types';

/** Mild: the analysis still finishes well within its time budget on a busy machine. */
const WORKER_NICENESS = 5;

export interface WorkerRequest {
	id: number;
	text: string;
	lang?: CoachLanguage;
}

// On Linux a thread has its own nice value: a lower priority for this thread lets the main thread
// (every other visitor's request) go first when the cores are busy. Elsewhere the call would
// renice the whole process, so it is made on Linux only; the pool's bounds hold either way.
if (process.platform === 'linux') {
	try {
		setPriority(WORKER_NICENESS);
	} catch {
		/* not allowed here: keep the default priority */
	}
}

parentPort?.on('message', ({ id, text, lang }: WorkerRequest) => {
	try {
		parentPort?.postMessage({ id, result: analyzeApology(text, lang ? { lang } : {}) });
	} catch (err) {
		// Only the error's kind crosses back, never a message that might quote the text.
		parentPort?.postMessage({ id, error: err instanceof Error ? err.name : 'Error' });
	}
});

// Tells the pool that this thread has loaded, so a text's time budget never includes start-up.
parentPort?.postMessage({ ready: true });
