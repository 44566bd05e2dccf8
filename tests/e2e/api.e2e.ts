import { test, expect } from './fixtures';

test.describe('POST /api/v1/apology/analyze', () => {
	test('returns the analysis as JSON', async ({ request }) => {
		const response = await request.post('/api/v1/apology/analyze', { data: { text: 'Sorry dat je je zo voelt. Het was maar een foutje.' } });
		expect(response.status()).toBe(200);
		const body = await response.json();
		expect(body.language).toBe('nl');
		expect(Object.keys(body.elements).sort()).toEqual(['acknowledgment', 'commitment', 'ownership', 'regret']);
		const ids = body.findings.map((f: { ruleId: string }) => f.ruleId);
		expect(ids).toContain('conditional-apology');
		expect(ids).toContain('minimizing');
		const first = body.findings.find((f: { ruleId: string }) => f.ruleId === 'minimizing');
		expect(Object.keys(first).sort()).toEqual(['actual', 'column', 'endOffset', 'expected', 'line', 'message', 'offset', 'ruleId', 'severity']);
	});

	test('honours lang', async ({ request }) => {
		const response = await request.post('/api/v1/apology/analyze', { data: { text: 'I cheated on you and I am sorry.', lang: 'en' } });
		expect((await response.json()).language).toBe('en');
	});

	test('answers bad input with 400 and a clear message, never 500', async ({ request }) => {
		const cases: [unknown, string][] = [
			['{not json', 'json_invalid'],
			[JSON.stringify({}), 'apology_empty'],
			[JSON.stringify({ text: '   ' }), 'apology_empty'],
			[JSON.stringify({ text: 'x'.repeat(20_001) }), 'apology_too_long'],
			[JSON.stringify({ text: 'Het spijt me.', lang: 'de' }), 'apology_lang_invalid'],
			[JSON.stringify({ text: 42 }), 'apology_empty'],
			[JSON.stringify([1, 2]), 'json_invalid']
		];
		for (const [data, code] of cases) {
			const response = await request.post('/api/v1/apology/analyze', { data: data as string, headers: { 'content-type': 'application/json' } });
			expect(response.status(), code).toBe(400);
			const body = await response.json();
			expect(body.error, String(data).slice(0, 40)).toBe(code);
			expect(body.message.length).toBeGreaterThan(10);
		}
		const english = await request.post('/en/api/v1/apology/analyze', { data: '{}', headers: { 'content-type': 'application/json' } });
		expect((await english.json()).message).toMatch(/^Write something first/);
	});
});
