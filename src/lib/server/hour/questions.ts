import data from './questions.json';
import { APP_TIME_ZONE } from '../../time-zone';

/**
 * The hour's questions (written by us, in questions.json) and which ones a couple gets in a week.
 * Each week brings one question of every category. Within a category the order is a shuffle fixed
 * per couple (or per solo person), walked one step a week: with eight questions a category, any
 * eight weeks in a row hold each question once, so none repeats within eight weeks, and couples
 * do not all get the same question on the same evening.
 */
export type Category = (typeof data.categories)[number];
export interface Question {
	id: string;
	category: string;
	nl: string;
	en: string;
}

export const CATEGORIES: readonly string[] = data.categories;
export const QUESTIONS: readonly Question[] = data.questions;
/** The shortest gap, in weeks, between two times the same question comes back. */
export const NO_REPEAT_WEEKS = 8;

export const DEFAULT_TIME_ZONE = APP_TIME_ZONE;
const DAY_MS = 24 * 60 * 60 * 1000;
/** A Monday: weeks are counted from here, so the count never resets at a new year. */
const FIRST_MONDAY = Date.UTC(1970, 0, 5);

/** The Monday (YYYY-MM-DD) of the week `now` falls in, in `timeZone`. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function weekOf(now: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
	// One formatter per zone, kept: making one costs more than everything else here together.
	let format = dayFormats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
		dayFormats.set(timeZone, format);
	}
	const local = format.format(now);
	const day = new Date(`${local}T00:00:00Z`);
	const sinceMonday = (day.getUTCDay() + 6) % 7;
	return new Date(day.getTime() - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

/** Weeks since the first counted Monday, for a week as given by weekOf. */
export function weekNumber(week: string): number {
	return Math.round((Date.parse(`${week}T00:00:00Z`) - FIRST_MONDAY) / (7 * DAY_MS));
}

/** FNV-1a: a small, stable hash of the couple's (or person's) id; not for anything secret. */
function hash(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h;
}

/** A fixed shuffle of `items` for `seed` (mulberry32 driving Fisher–Yates). */
function shuffled<T>(items: readonly T[], seed: string): T[] {
	let state = hash(seed);
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(next() * (i + 1));
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}

/** The week's questions for a couple or solo person (`scope`: the couple's or the person's id). */
export function questionsFor(scope: string, week: string): Question[] {
	const n = weekNumber(week);
	return CATEGORIES.map((category) => {
		const order = shuffled(
			QUESTIONS.filter((q) => q.category === category),
			`${scope}:${category}`
		);
		return order[((n % order.length) + order.length) % order.length]!;
	});
}

export function questionById(id: string): Question | undefined {
	return QUESTIONS.find((q) => q.id === id);
}

/** Every zone this server knows; a slot's zone must be one of them. */
const ZONES = new Set(Intl.supportedValuesOf('timeZone'));
export const isTimeZone = (zone: string) => ZONES.has(zone);
export const timeZones = () => [...ZONES];
