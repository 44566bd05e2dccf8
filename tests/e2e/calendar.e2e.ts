import ICAL from 'ical.js';
import { test, expect, expectAccessible, formCouple, apiContext } from './fixtures';

/**
 * Issue 13, item 6: the private calendar feed. Ada sets the weekly hour and makes a commitment,
 * turns the feed on in settings, and a calendar app (a request without any cookie) reads the
 * address: the hour is there as a weekly event in its zone, in neutral words, with nothing anyone
 * wrote and no names. A new address ends the old one at once; turning it off ends the new one.
 */

test('the calendar feed: on in settings, read without a session, ended at once', async ({ browser, baseURL }) => {
	test.setTimeout(180_000);
	const { a } = await formCouple(browser, 'calendar');

	await a.goto('/hour', { waitUntil: 'networkidle' });
	await a.getByLabel('Dag', { exact: true }).selectOption({ label: 'donderdag' });
	await a.getByLabel('Tijd', { exact: true }).fill('20:30');
	await a.getByRole('button', { name: 'Moment bewaren', exact: true }).click();
	await expect(a.getByText('Elke donderdag om 20:30 (Europe/Amsterdam).')).toBeVisible();

	await a.goto('/deeds', { waitUntil: 'networkidle' });
	await a.getByLabel('Wat ga je doen?').fill('CAL-CANARY elke avond bellen');
	await a.getByRole('radio', { name: 'Elke dag' }).check();
	await a.getByRole('button', { name: 'Afspraak maken' }).click();
	await expect(a).toHaveURL(/\/deeds\/commitments\/[\w-]+$/);

	await a.goto('/settings', { waitUntil: 'networkidle' });
	await a.getByRole('link', { name: /agenda-koppeling/ }).click();
	await expect(a.getByRole('heading', { level: 1, name: 'Agenda-koppeling' })).toBeVisible();
	await expect(a.getByText('De agenda-koppeling staat uit.')).toBeVisible();
	await expectAccessible(a);

	await a.getByRole('button', { name: 'Agenda-koppeling aanzetten' }).click();
	const link = a.getByRole('textbox', { name: 'Je privélink' });
	await expect(link).toBeVisible();
	const url = await link.inputValue();
	expect(url).toMatch(new RegExp(`^${baseURL}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
	await expect(a.getByText(/De agenda-koppeling staat aan sinds/)).toBeVisible();
	await expectAccessible(a);

	// A calendar app: no cookie, no session.
	const app = await apiContext(baseURL);
	const res = await app.get(url);
	expect(res.status()).toBe(200);
	expect(res.headers()['content-type']).toBe('text/calendar; charset=utf-8');
	expect(res.headers()['cache-control']).toBe('no-store');
	expect(res.headers()['x-robots-tag']).toBe('noindex');
	const text = await res.text();
	const calendar = new ICAL.Component(ICAL.parse(text));
	const events = calendar.getAllSubcomponents('vevent');
	const hour = events.find((e) => e.getFirstProperty('dtstart')!.getParameter('tzid') === 'Europe/Amsterdam');
	expect(hour, text).toBeTruthy();
	expect(hour!.getFirstPropertyValue('summary')).toBe('Herstelpad: vast moment');
	expect(String(hour!.getFirstPropertyValue('rrule'))).toBe('FREQ=WEEKLY;BYDAY=TH');
	const start = new ICAL.Event(hour!).startDate;
	expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', weekday: 'long', hour: '2-digit', minute: '2-digit' }).format(start.toJSDate())).toBe('Thursday 20:30');
	const reminder = events.find((e) => e.getFirstPropertyValue('summary') === 'Herstelpad: herinnering');
	expect(String(reminder?.getFirstPropertyValue('rrule'))).toBe('FREQ=DAILY');
	for (const secret of ['CAL-CANARY', 'bellen', 'Ada', 'Bo ']) expect(text).not.toContain(secret);

	// A new address: the old one answers 404 from now on, the new one works.
	await a.getByRole('button', { name: 'Nieuwe link maken' }).click();
	await expect(link).not.toHaveValue(url);
	const renewed = await link.inputValue();
	expect((await app.get(url)).status()).toBe(404);
	expect((await app.get(renewed)).status()).toBe(200);

	// Off: the address ends at once.
	await a.getByRole('button', { name: 'Agenda-koppeling uitzetten' }).click();
	await expect(a.getByText('De agenda-koppeling staat uit. De oude link werkt niet meer.')).toBeVisible();
	await expect(link).toHaveCount(0);
	const gone = await app.get(renewed);
	expect(gone.status()).toBe(404);
	expect(gone.headers()['cache-control']).toBe('no-store');
	const unknown = await app.get('/calendar/not-a-token.ics');
	expect(unknown.status()).toBe(404);
	expect(await unknown.text()).toBe('Dit bestaat niet (meer).\n');
	expect(await (await app.get('/en/calendar/not-a-token.ics')).text()).toBe('This does not exist (any more).\n');
	const posted = await app.post('/calendar/not-a-token.ics', { headers: { Origin: baseURL! } });
	expect(posted.status()).toBe(405);
	expect(await posted.text()).toBe('Dit adres kan alleen gelezen worden, door je agenda-app.\n');
	await expect(a.getByText(/Log je overal elders uit of kies je via de e-maillink een nieuw wachtwoord/)).toBeVisible();
	await expectAccessible(a);
	await app.dispose();
});
