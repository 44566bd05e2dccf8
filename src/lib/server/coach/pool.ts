import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import workerCode from 'virtual:coach-worker';
import type { AnalysisResult, CoachLanguage } from '../../coach';
import { DomainError } from '../errors';

export interface PoolOptions {
	/** Worker threads; the main thread keeps one core for requests. */
	size?: number;
	/** Texts that may wait for a free worker; beyond that the pool refuses at once. */
	maxQueue?: number;
	/** Texts one owner (a user, an address) may have waiting or running at the same time. */
	perOwner?: number;
	/** Time one text may take in a worker before the worker is ended and the text refused. */
	budgetMs?: number;
	/** The worker's code; the bundled analyser unless given (a test gives a broken one). */
	source?: string;
}

export interface RunOptions {
	lang?: CoachLanguage;
	/** Whose text this is (`user:…`, `address:…`), for the per-owner cap. */
	owner: string;
	/** Runs once the owner has a place, before the text is queued; a throw refuses the text. */
	admit?: () => Promise<void>;
}

interface Task {
	id: number;
	text: string;
	lang?: CoachLanguage;
	owner: string;
	resolve: (result: AnalysisResult) => void;
	reject: (err: unknown) => void;
}

interface Slot {
	worker: Worker;
	ready: boolean;
	task?: Task;
	timer?: ReturnType<typeof setTimeout>;
}

type Reply = { ready: true } | { id: number; result: AnalysisResult } | { id: number; error: string };

const workerUrl = (source: string) => new URL(`data:text/javascript,${encodeURIComponent(source)}`);

/**
 * Threads per pool: the cores the app processes' main threads leave free, shared among those
 * processes (scripts/cluster.js runs one per core on PostgreSQL); at least one, at most four.
 */
export function defaultPoolSize(cores: number, processes = 1): number {
	return Math.max(1, Math.min(4, Math.floor((cores - processes) / processes)));
}

/** Workers that die before they are ready, in a row, before the waiting texts are refused. */
const MAX_FAILED_STARTS = 3;

/**
 * A small, bounded pool of analyser threads. A long text keeps a worker busy, never the event
 * loop that answers everyone else's requests. Bounded three ways: few workers, a short queue (a
 * full queue is refused with `analysis_busy`), and a time budget per text (a text that takes
 * longer is refused with `analysis_too_slow` and its worker is ended and replaced, so nothing
 * stays stuck). One owner can hold only `perOwner` places, so one user cannot fill the queue.
 */
export class AnalysisPool {
	readonly size: number;
	readonly maxQueue: number;
	readonly perOwner: number;
	budgetMs: number;
	private readonly slots: Slot[] = [];
	private readonly queue: Task[] = [];
	private readonly owners = new Map<string, number>();
	private nextId = 1;
	private closed = false;
	private failedStarts = 0;
	private readonly source: string;

	constructor(options: PoolOptions = {}) {
		this.size = options.size ?? defaultPoolSize(availableParallelism());
		this.maxQueue = options.maxQueue ?? 16;
		this.perOwner = options.perOwner ?? 2;
		this.budgetMs = options.budgetMs ?? 5_000;
		this.source = options.source ?? workerCode;
	}

	/**
	 * Analyses `text` in a worker. The owner's place is taken before `admit` (say, a rate-limit
	 * look-up in the database) runs, so a burst of one owner is refused in memory, before it
	 * costs anything else.
	 */
	async run(text: string, { lang, owner, admit }: RunOptions): Promise<AnalysisResult> {
		if (this.closed) throw new DomainError('analysis_busy');
		if ((this.owners.get(owner) ?? 0) >= this.perOwner) throw new DomainError('too_many_attempts', { retryAfterSeconds: 2 });
		this.owners.set(owner, (this.owners.get(owner) ?? 0) + 1);
		try {
			await admit?.();
			if (this.closed || (!this.idleSlot() && this.queue.length >= this.maxQueue)) throw new DomainError('analysis_busy');
		} catch (err) {
			this.release(owner);
			throw err;
		}
		return new Promise<AnalysisResult>((resolve, reject) => {
			this.queue.push({ id: this.nextId++, text, lang, owner, resolve, reject });
			this.dispatch();
		});
	}

	/**
	 * Starts the workers now rather than at the first text: loading the analyser takes a moment,
	 * which the first person to save after a start would otherwise wait for.
	 */
	warm() {
		while (!this.closed && this.slots.length < this.size) this.spawn();
	}

	/** Figures for tests and the benchmark. */
	stats() {
		return { workers: this.slots.length, busy: this.slots.filter((s) => s.task).length, queued: this.queue.length };
	}

	async close() {
		this.closed = true;
		for (const task of this.queue.splice(0)) this.settle(task, new DomainError('analysis_busy'));
		await Promise.all(this.slots.splice(0).map((slot) => this.end(slot, new DomainError('analysis_busy'))));
	}

	private idleSlot(): Slot | undefined {
		return this.slots.find((slot) => slot.ready && !slot.task);
	}

	private dispatch() {
		while (this.queue.length > 0) {
			const slot = this.idleSlot();
			if (!slot) {
				if (this.slots.length < this.size) this.spawn();
				return;
			}
			const task = this.queue.shift()!;
			slot.task = task;
			// The budget starts when a worker takes the text, so waiting in the queue does not count.
			slot.timer = setTimeout(() => void this.replace(slot, new DomainError('analysis_too_slow')), this.budgetMs);
			slot.worker.postMessage({ id: task.id, text: task.text, lang: task.lang });
		}
	}

	private spawn() {
		const worker = new Worker(workerUrl(this.source));
		const slot: Slot = { worker, ready: false };
		this.slots.push(slot);
		worker.on('message', (reply: Reply) => this.onReply(slot, reply));
		worker.on('error', () => void this.replace(slot, new DomainError('analysis_busy')));
		worker.on('exit', () => {
			if (this.slots.includes(slot)) void this.replace(slot, new DomainError('analysis_busy'));
		});
		// Workers must not keep the process (a test run, a server told to stop) alive. After the
		// listeners: adding a 'message' listener refs the worker again.
		worker.unref();
	}

	private onReply(slot: Slot, reply: Reply) {
		if ('ready' in reply) {
			slot.ready = true;
			this.failedStarts = 0;
			this.dispatch();
			return;
		}
		const task = slot.task;
		if (!task || task.id !== reply.id) return;
		clearTimeout(slot.timer);
		slot.task = undefined;
		slot.timer = undefined;
		this.settle(task, 'result' in reply ? undefined : new Error(`analysis failed: ${reply.error}`), 'result' in reply ? reply.result : undefined);
		this.dispatch();
	}

	/** Ends a worker (stuck, crashed) and refuses its text; a new one starts when work waits. */
	private async replace(slot: Slot, reason: unknown) {
		const index = this.slots.indexOf(slot);
		if (index === -1) return;
		this.slots.splice(index, 1);
		await this.end(slot, reason);
		// A worker that cannot even start (a broken build) would be restarted forever while the
		// waiting texts hang: after a few such deaths in a row, refuse what waits; a later text tries again.
		if (!slot.ready && ++this.failedStarts >= MAX_FAILED_STARTS) {
			this.failedStarts = 0;
			for (const task of this.queue.splice(0)) this.settle(task, new DomainError('analysis_busy'));
			return;
		}
		if (!this.closed) this.dispatch();
	}

	private async end(slot: Slot, reason: unknown) {
		clearTimeout(slot.timer);
		const task = slot.task;
		slot.task = undefined;
		if (task) this.settle(task, reason);
		await slot.worker.terminate();
	}

	private release(owner: string) {
		const left = (this.owners.get(owner) ?? 1) - 1;
		if (left > 0) this.owners.set(owner, left);
		else this.owners.delete(owner);
	}

	private settle(task: Task, err: unknown, result?: AnalysisResult) {
		this.release(task.owner);
		if (err) task.reject(err);
		else task.resolve(result!);
	}
}
