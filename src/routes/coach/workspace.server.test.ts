import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, useTestDatabase } from '../../../tests/setup/test-db';
import type { Database } from '$lib/server/db';
import type { Actor } from '$lib/server/access/policy';
import { signUp } from '$lib/server/auth/accounts';
import { getApologyDraft, saveApologyVersion } from '$lib/server/apology/drafts';
import { analysisPool, analyzeOffThread } from '$lib/server/coach/analyze';
import { analysablePart, analyzeApology, MAX_APOLOGY_LENGTH } from '$lib/coach';
import { CORPUS } from '$lib/coach/corpus/load';
import { readApologyForm } from './workspace.server';

/** A form as a browser sends it: the text area's LF line breaks travel as CRLF. */
function browserForm(text: string, lang = 'auto') {
	const form = new FormData();
	form.set('body', text.replace(/\n/g, '\r\n'));
	form.set('lang', lang);
	return form;
}

/** What the editor runs in the browser while the writer types. */
const liveAnalysis = (text: string, lang?: 'nl' | 'en') => analyzeApology(analysablePart(text), lang ? { lang } : {});

const sentences = [...CORPUS.nl, ...CORPUS.en].flatMap((entry) => entry.text.split(/(?<=[.!?])\s+/));
const apologyText = fc
	.array(fc.tuple(fc.constantFrom(...sentences), fc.constantFrom(' ', '\n', '\n\n', '\n \n')), { minLength: 1, maxLength: 12 })
	.map((parts) => parts.map(([sentence, gap]) => sentence + gap).join('').trim());

describe(`coach workspace: live and saved analyses (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	let writer: Actor;

	beforeAll(async () => {
		db = database();
		writer = { userId: (await signUp(db, { email: 'writer@example.org', password: 'long enough pass', displayName: 'W', locale: 'nl' })).userId, coupleId: null };
	});
	afterAll(() => analysisPool().close());

	it('stores exactly the text the writer saw and the findings the live coach showed, one per finding', async () => {
		await fc.assert(
			fc.asyncProperty(apologyText, async (text) => {
				const input = readApologyForm(browserForm(text));
				if (!input.ok) throw new Error(`refused: ${JSON.stringify(input.errors)}`);
				expect(input.body).toBe(text);
				const analysis = await analyzeOffThread(input.body, { lang: input.lang, owner: 'test' });
				const { draftId } = await saveApologyVersion(db, writer, { body: input.body, lang: input.lang, analysis });
				const [version] = (await getApologyDraft(db, writer, draftId)).versions;
				const live = liveAnalysis(text);
				expect(version.body).toBe(text);
				expect(version.ruleIds).toEqual(live.findings.map((finding) => finding.ruleId));
				// Kept with the version, so the draft page shows it without analysing again.
				expect(version.analysis).toEqual(live);
				// The draft page analyses the stored text with its stored language; the editor there does the same.
				expect(await analyzeOffThread(version.body, { lang: version.language, owner: 'test' })).toEqual(live);
				expect(liveAnalysis(text, version.language)).toEqual(live);
			}),
			{ numRuns: 30 }
		);
	});

	it('refuses a 50,000-character text with a clear message and gives the whole text back', () => {
		const text = 'Het spijt me dat ik heb gelogen.\n'.repeat(1_600).slice(0, 50_000);
		const input = readApologyForm(browserForm(text));
		expect(input.ok).toBe(false);
		expect(input.ok ? null : input.errors.body).toMatch(/20[.,]000/);
		expect(input.values.body).toBe(text);
		expect(input.values.body.length).toBe(50_000);
	});

	it('gives live feedback on the first part of a text that is too long, instead of throwing', () => {
		const text = 'Het was maar een slippertje. '.repeat(2_000);
		expect(() => analyzeApology(text)).toThrow(RangeError);
		const live = liveAnalysis(text);
		expect(live.findings.some((finding) => finding.ruleId === 'minimizing')).toBe(true);
		expect(Math.max(...live.findings.map((finding) => finding.endOffset))).toBeLessThanOrEqual(MAX_APOLOGY_LENGTH);
		expect(analysablePart(`${'a'.repeat(MAX_APOLOGY_LENGTH - 1)}😀`)).toBe('a'.repeat(MAX_APOLOGY_LENGTH - 1));
	});
});
