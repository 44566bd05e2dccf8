import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db';
import { signUp } from '../auth/accounts';
import { chooseRole } from '../users/users';
import { acceptInvitation, createInvitation } from '../couple/invitations';
import { coupleIdOf } from '../couple/membership';
import { addNeed, setPaceStatus } from '../couple/pace';
import { listLetterbox, openLetter, sendLetter } from '../couple/letters';
import { createReflection, shareReflection } from '../reflections/reflections';
import { saveApologyVersion } from '../apology/drafts';
import { markStepDone } from '../program/progress';
import { EXPORT_FORMAT, exportUserData } from './export';
import { renderExportHtml } from './export-html';
import { APP_TIME_ZONE } from '$lib/time-zone';
import { dateFormat } from '$lib/format';

describe(`data export (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	let hurt: string;
	let repairing: string;
	/**
	 * When the partner opened the hurt partner's letter: ten minutes after it was sent, so its clock
	 * time never matches a time the export does show (the sending, the export itself), whatever
	 * minute of the day the test runs. A fixed time failed the day the test ran in that minute.
	 */
	let openedAt: Date;
	const actor = async (userId: string) => ({ userId, coupleId: await coupleIdOf(db, userId) });

	beforeAll(async () => {
		db = database();
		hurt = (await signUp(db, { email: 'hurt@example.org', password: 'long enough pass', displayName: 'Noor <b>', locale: 'nl' })).userId;
		repairing = (await signUp(db, { email: 'repair@example.org', password: 'long enough pass', displayName: 'PARTNER-NAME', locale: 'nl' })).userId;
		await chooseRole(db, hurt, 'hurt');
		await chooseRole(db, repairing, 'repairing');
		await acceptInvitation(db, hurt, (await createInvitation(db, repairing)).token);

		await markStepDone(db, hurt, 'hurt', 'first-shock');
		await setPaceStatus(db, await actor(hurt), { status: 'ready-to-read', note: 'Rustig aan, alsjeblieft.' });
		await addNeed(db, await actor(hurt), 'Eerlijke antwoorden');
		const shared = await createReflection(db, await actor(hurt), { prompt: 'what-we-learnt', body: 'Samen geleerd' });
		await shareReflection(db, await actor(hurt), shared.id);
		await createReflection(db, await actor(hurt), { prompt: 'parting-well', body: 'Tekst met <script>alert(1)</script>\nen een tweede regel' });
		openedAt = new Date(Date.now() + 10 * 60_000);
		await sendLetter(db, await actor(hurt), { kind: 'letter', body: 'Mijn brief' });

		// The partner’s own words, private and sent: none of it belongs in the hurt partner's export.
		await createReflection(db, await actor(repairing), { prompt: 'my-part', body: 'PARTNER-CANARY-private' });
		await saveApologyVersion(db, await actor(repairing), { body: 'PARTNER-CANARY-draft. Het spijt me.' });
		await sendLetter(db, await actor(repairing), { kind: 'letter', body: 'PARTNER-CANARY-letter' });
		// The partner opens the hurt partner's letter: the sender is promised "opened", not when.
		const [received] = await listLetterbox(db, await actor(repairing));
		await openLetter(db, await actor(repairing), received.id, openedAt);
	});

	it('says only whether a sent letter was opened, not when, as the interface does', async () => {
		const exportedAt = new Date(openedAt.getTime() + 35 * 60_000);
		const data = await exportUserData(db, hurt, exportedAt);
		expect(data.lettersSent).toEqual([{ kind: 'letter', text: 'Mijn brief', sentAt: expect.any(String), state: 'opened' }]);
		expect(JSON.stringify(data)).not.toContain(openedAt.toISOString().slice(0, 16));
		const html = renderExportHtml(data, 'nl');
		const clock = (moment: Date, timeZone: string) => dateFormat('nl', { hour: 'numeric', minute: 'numeric', timeZone }).format(moment);
		// Each time's hour and minute, not its minute and second: "01:00:10" must not count as 00:10.
		const clocks = [...html.matchAll(/(?<![\d:])(\d{1,2}:\d{2})/g)].map((found) => found[1]);
		// A clock time written as the export writes its own moment is found; the opening's is not.
		expect(clocks).toContain(clock(exportedAt, APP_TIME_ZONE));
		expect(clocks).not.toContain(clock(openedAt, APP_TIME_ZONE));
		expect(clocks).not.toContain(clock(openedAt, 'UTC'));
	});

	it('says kindly that nothing is written yet in empty sections, in both languages', async () => {
		const fresh = (await signUp(db, { email: 'fresh@example.org', password: 'long enough pass', displayName: 'Fresh', locale: 'nl' })).userId;
		const data = await exportUserData(db, fresh);
		const nl = renderExportHtml(data, 'nl');
		expect(nl).toContain('Nog niets geschreven.');
		expect(nl).toContain('Nog geen stappen afgerond.');
		expect(nl).not.toContain('Niets.');
		const en = renderExportHtml(data, 'en');
		expect(en).toContain('Nothing written yet.');
		expect(en).not.toContain('Nothing.');
	});

	it('holds every kind of the user’s own data, and nothing of the partner', async () => {
		const data = await exportUserData(db, hurt, new Date('2026-11-25T10:00:00Z'));
		expect(data.format).toBe(EXPORT_FORMAT);
		expect(data.exportedAt).toBe('2026-11-25T10:00:00.000Z');
		expect(data.account).toMatchObject({ email: 'hurt@example.org', role: 'hurt', language: 'nl' });
		expect(data.consent.map((c) => c.kind)).toEqual(['given']);
		expect(data.couple.inCouple).toBe(true);
		expect(data.programme).toEqual([expect.objectContaining({ track: 'hurt', step: 'first-shock' })]);
		expect(data.reflections.map((r) => [r.prompt, r.shared])).toEqual([
			['what-we-learnt', true],
			['parting-well', false]
		]);
		expect(data.lettersSent.map((l) => l.text)).toEqual(['Mijn brief']);
		expect(data.pace).toMatchObject({ status: 'ready-to-read', note: 'Rustig aan, alsjeblieft.' });
		expect(data.needs.map((n) => n.text)).toEqual(['Eerlijke antwoorden']);
		expect(data.invitations).toEqual([]);
		const text = JSON.stringify(data);
		expect(text).not.toContain('PARTNER-CANARY');
		expect(text).not.toContain('repair@example.org');
		expect(text).not.toContain('PARTNER-NAME');
	});

	it('matches the documented format, key for key', async () => {
		const data = await exportUserData(db, hurt);
		const doc = readFileSync('docs/export-format.md', 'utf8');
		const documented = [...doc.matchAll(/^ {2}"(\w+)":/gm)].map((m) => m[1]);
		expect(documented).toEqual(Object.keys(data));
		for (const [key, value] of Object.entries(data)) {
			const sample = Array.isArray(value) ? value[0] : value;
			if (!sample || typeof sample !== 'object') continue;
			for (const field of Object.keys(sample)) expect(doc, `${key}.${field} is documented`).toContain(`"${field}"`);
		}
	});

	it('renders a readable page in the user’s language, with stored ids turned into words', async () => {
		const data = await exportUserData(db, hurt);
		const nl = renderExportHtml(data, 'nl');
		expect(nl).toContain('<html lang="nl">');
		expect(nl).toContain('Gekwetste partner');
		expect(nl).toContain('Ik ben klaar om te lezen');
		expect(nl).not.toContain('parting-well');
		expect(nl).not.toContain('first-shock');
		expect(nl).toContain('Noor &lt;b&gt;');
		expect(nl).toContain('Tekst met &lt;script&gt;alert(1)&lt;/script&gt;<br>en een tweede regel');
		expect(nl).not.toContain('<script');
		expect(nl).not.toContain('PARTNER-CANARY');
		const en = renderExportHtml(data, 'en');
		expect(en).toContain('<html lang="en">');
		expect(en).toContain('Hurt partner');
		expect(en).toContain('ready to read');
	});
});
