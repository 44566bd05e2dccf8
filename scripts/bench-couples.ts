/**
 * Which demo couples `npm run bench` signs in as: the same ones at every size.
 *
 * seedDemo makes couple n from hashes of the seed and n alone (whether it is paired, its roles,
 * language, when it began and so everything it wrote), so couple 17 of a 100-couple database is
 * couple 17 of a 10,000-couple one, row for row (given the same seed and moment). Picking "the
 * couples that wrote the most" in each database instead picked heavier people in the larger one,
 * and p95 growth then mixed a bigger database with a busier person. So the bench looks only at the
 * first few couples (as many as the smallest size has, at most CANDIDATES), picks among them the
 * ones that use the most of the app, and signs in as those very couples at every size.
 */

/** Couples looked at: 1 to this (or to the smallest size, when smaller). */
export const CANDIDATES = 100;

/** What a couple has that some page shows (each a page with an id, or a page's fuller state); the more of these, the better. */
export const KINDS = [
	'apology draft',
	'reflection (each)',
	'shared commitment',
	'question',
	'self-test',
	'transparency',
	'talk agreement',
	'weekly hour',
	'impact letter'
] as const;
export type Kind = (typeof KINDS)[number];

/** The couple's own rows, printed per size so a reader can see they match; their sum orders couples that have the same kinds. */
export const VOLUMES = ['reflections', 'letters', 'trigger entries', 'trust check-ins', 'check-ins', 'questions'] as const;
export type Volume = (typeof VOLUMES)[number];

export interface CoupleProfile {
	/** The demo couple's number: its partners are demo-n-a (repairing) and demo-n-b (hurt). */
	n: number;
	/** Both partners present, in one couple, side a repairing and side b hurt. */
	paired: boolean;
	has: Record<Kind, boolean>;
	volume: Record<Volume, number>;
}

/** Runs one SQL statement and gives its rows (a pg client's or a Drizzle database's). */
export type Query = (text: string) => Promise<Record<string, unknown>[]>;

const total = (p: CoupleProfile) => VOLUMES.reduce((sum, v) => sum + p.volume[v], 0);
const missing = (p: CoupleProfile) => KINDS.filter((k) => !p.has[k]);

/**
 * The `count` couples to measure: paired, with the most kinds, then the most rows of their own,
 * then the lowest number. Depends only on the profiles given, never on the database's size.
 */
export function chooseCouples(profiles: CoupleProfile[], count: number): CoupleProfile[] {
	const chosen = profiles
		.filter((p) => p.paired)
		.sort((x, y) => missing(x).length - missing(y).length || total(y) - total(x) || x.n - y.n)
		.slice(0, count);
	if (!chosen.length) throw new Error('no paired demo couple to sign in as');
	return chosen;
}

/** The profile of each couple 1 to `upTo` that exists (alone people included, as not paired). */
export async function coupleProfiles(query: Query, upTo: number, domain: string): Promise<CoupleProfile[]> {
	if (!Number.isInteger(upTo) || upTo < 1) throw new RangeError('upTo: a whole number from 1');
	const email = (side: string) => `'demo-' || n || '-${side}@' || ${quote(domain)}`;
	const rows = await query(`
		with c as (
			select n, a.id as a_id, a.role as a_role, b.id as b_id, b.role as b_role, ma.couple_id, mb.couple_id as b_couple_id
			from generate_series(1, ${upTo}) n
			join users a on a.email = ${email('a')}
			left join users b on b.email = ${email('b')}
			left join couple_members ma on ma.user_id = a.id
			left join couple_members mb on mb.user_id = b.id and mb.couple_id = ma.couple_id
		)
		select n,
			(c.b_couple_id is not null and c.a_role = 'repairing' and c.b_role = 'hurt') as paired,
			exists (select 1 from apology_drafts where owner_id = a_id) as draft,
			(exists (select 1 from reflections where owner_id = a_id) and exists (select 1 from reflections where owner_id = b_id)) as reflection_each,
			exists (select 1 from commitments where shared_couple_id = c.couple_id) as shared_commitment,
			exists (select 1 from talk_questions where couple_id = c.couple_id) as question,
			exists (select 1 from self_test_results where owner_id in (a_id, b_id)) as selftest,
			(exists (select 1 from transparency_requests where couple_id = c.couple_id) or exists (select 1 from transparency_measures where couple_id = c.couple_id)) as transparency,
			exists (select 1 from talk_agreements where couple_id = c.couple_id) as agreement,
			exists (select 1 from hour_slots where couple_id = c.couple_id) as hour,
			exists (select 1 from point_letters where owner_id = b_id and kind = 'impact') as impact,
			(select count(*) from reflections where owner_id in (a_id, b_id))::int as reflections,
			(select count(*) from letters where sender_id in (a_id, b_id))::int as letters,
			(select count(*) from trigger_entries where owner_id in (a_id, b_id))::int as triggers,
			(select count(*) from trust_checkins where owner_id in (a_id, b_id))::int as trust,
			(select count(*) from check_ins where owner_id in (a_id, b_id))::int as checkins,
			(select count(*) from talk_questions where asker_id in (a_id, b_id))::int as questions
		from c order by n`);
	const yes = (v: unknown) => v === true || v === 't';
	return rows.map((r) => ({
		n: Number(r.n),
		paired: yes(r.paired),
		has: {
			'apology draft': yes(r.draft),
			'reflection (each)': yes(r.reflection_each),
			'shared commitment': yes(r.shared_commitment),
			question: yes(r.question),
			'self-test': yes(r.selftest),
			transparency: yes(r.transparency),
			'talk agreement': yes(r.agreement),
			'weekly hour': yes(r.hour),
			'impact letter': yes(r.impact)
		},
		volume: {
			reflections: Number(r.reflections),
			letters: Number(r.letters),
			'trigger entries': Number(r.triggers),
			'trust check-ins': Number(r.trust),
			'check-ins': Number(r.checkins),
			questions: Number(r.questions)
		}
	}));
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** "couple 17: 62 reflections, 40 letters, …; missing: transparency", for the bench's output. */
export function describeCouple(p: CoupleProfile): string {
	const gaps = missing(p);
	return `couple ${p.n}: ${VOLUMES.map((v) => `${p.volume[v]} ${v}`).join(', ')}${gaps.length ? `; without ${gaps.join(', ')}` : ''}`;
}
