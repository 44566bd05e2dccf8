/**
 * The two tracks and their steps, in order. The slugs are stable: they are stored in
 * step_progress and appear in URLs; guide texts live in content/program/<track>/NN-<slug>.<lang>.md.
 */
export const TRACKS = {
	repairing: [
		'confess',
		'own-your-part',
		'make-it-right',
		'listen',
		'deeds',
		'fresh-start',
		'consistency',
		'patience'
	],
	hurt: ['first-shock', 'feelings', 'questions', 'needs', 'your-own-time', 'forgiveness', 'new-memories']
} as const;

export type Track = keyof typeof TRACKS;
export type StepSlug = (typeof TRACKS)[Track][number];

export function isStepOf(track: Track, slug: string): slug is StepSlug {
	return (TRACKS[track] as readonly string[]).includes(slug);
}
