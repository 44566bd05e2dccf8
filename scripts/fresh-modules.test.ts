import { describe, expect, it } from 'vitest';
import { NEEDS_FRESH_MODULES, testFilesNeedingFreshModules } from '../tests/setup/fresh-modules.js';

// Decision 026: a test file that sets the process environment or closes the analysis pool runs with
// fresh modules; the others share their worker's.
describe('which unit test files get fresh modules', () => {
	it('knows a file that sets the environment or closes the pool, and not one that only reads them', () => {
		for (const line of ["process.env.SMTP_URL = smtp.url;", "process.env['ORIGIN'] = 'x';", 'process.env.DATA_DIR ??= dir;', 'delete process.env.SMTP_URL;', "vi.stubEnv('ORIGIN', 'x');", 'afterAll(() => analysisPool().close());'])
			expect(NEEDS_FRESH_MODULES.test(line), line).toBe(true);
		for (const line of ["if (process.env.TEST_DATABASE_URL === 'x') {}", 'const url = process.env.TEST_DATABASE_URL;', 'await analyzeOffThread(text, { owner });'])
			expect(NEEDS_FRESH_MODULES.test(line), line).toBe(false);
	});

	it('finds the files of today that set their own mail server', () => {
		const files = testFilesNeedingFreshModules(['src']);
		expect(files).toContain('src/lib/server/booklet/signups.test.ts');
		expect(files).toContain('src/routes/forgot-password/forgot-password.test.ts');
		expect(files).toContain('src/routes/coach/workspace.server.test.ts');
		expect(files).not.toContain('src/lib/server/letters/points.test.ts');
	});
});
