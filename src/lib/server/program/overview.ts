import type { Database } from '../db';
import { getProgress } from './progress';
import { listGuides } from './guides';
import type { Track } from './steps';

/** The program as the overview page shows it: each step with its title, summary and state. */
export async function programOverview(db: Database, userId: string, track: Track, locale: 'nl' | 'en') {
	const progress = await getProgress(db, userId, track);
	const guides = listGuides(track, locale);
	return {
		progress: { done: progress.done, total: progress.total, percent: progress.percent },
		steps: guides.map((g) => ({
			slug: g.slug,
			number: g.number,
			title: g.title,
			summary: g.summary,
			done: !!progress.steps.find((s) => s.slug === g.slug)?.doneAt
		}))
	};
}
