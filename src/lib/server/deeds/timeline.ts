import { addDays, isoWeekday, mondayOf } from './days';
import type { CommitmentStatus, RhythmKind } from '../db/tables/deeds';

/**
 * When a commitment is due, computed from its history: a day is due when the state that held on
 * it (the newest event from that day or before) is active and its rhythm names the day. A weekly
 * commitment has one occasion per ISO week, keyed by the week's Monday, due when the week's last
 * day so far had a weekly, active state. Pauses and endings are never due.
 */
export interface TimelineState {
	fromDay: string;
	rhythm: RhythmKind;
	weekdays: number[];
	status: CommitmentStatus;
}

export interface Timeline {
	startsOn: string;
	/** Ordered oldest first. */
	states: TimelineState[];
}

export function stateOn(timeline: Timeline, day: string): TimelineState | undefined {
	if (day < timeline.startsOn) return undefined;
	let found: TimelineState | undefined;
	for (const state of timeline.states) {
		// Events made before the start (a commitment started in the past) hold from the start.
		if (state.fromDay <= day || state === timeline.states[0]) found = state;
		else break;
	}
	return found;
}

/** The occasion key a check-in for `day` is stored under (the day itself, or the Monday for weekly). */
export function occasionOf(timeline: Timeline, day: string): string | undefined {
	const state = stateOn(timeline, day);
	if (state?.status !== 'active') return undefined;
	if (state.rhythm === 'weekly') return mondayOf(day);
	if (state.rhythm === 'daily') return day;
	return state.weekdays.includes(isoWeekday(day)) ? day : undefined;
}

/** Whether `occasion` (a day, or a Monday for a weekly week) is due, looking no further than `today`. */
export function isDueOccasion(timeline: Timeline, occasion: string, today: string): boolean {
	if (occasion > today) return false;
	const daily = stateOn(timeline, occasion);
	if (daily?.status === 'active' && daily.rhythm !== 'weekly' && (daily.rhythm === 'daily' || daily.weekdays.includes(isoWeekday(occasion)))) return true;
	if (isoWeekday(occasion) !== 1) return false;
	const sunday = addDays(occasion, 6);
	const last = sunday < today ? sunday : today;
	if (last < timeline.startsOn) return false;
	const weekly = stateOn(timeline, last);
	return weekly?.status === 'active' && weekly.rhythm === 'weekly';
}

/** Every due occasion from `from` to `to` (inclusive), oldest first. */
export function dueOccasions(timeline: Timeline, from: string, to: string): string[] {
	const out: string[] = [];
	const start = from < timeline.startsOn ? mondayOf(timeline.startsOn) : from;
	for (let day = start; day <= to; day = addDays(day, 1)) {
		if (isDueOccasion(timeline, day, to)) out.push(day);
	}
	return out;
}

/** The last day of an occasion: the day itself, or the Sunday of a weekly week. */
export function occasionEnd(timeline: Timeline, occasion: string): string {
	const state = stateOn(timeline, occasion);
	const daily = state?.status === 'active' && state.rhythm !== 'weekly' && (state.rhythm === 'daily' || state.weekdays.includes(isoWeekday(occasion)));
	if (daily) return occasion;
	return addDays(occasion, 6);
}
