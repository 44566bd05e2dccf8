import { readFileSync } from 'node:fs';
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** Enough of a page's snapshot to see where a journey stood, without flooding the log. */
const MAX_CHARS = 6_000;

/**
 * Prints, for a journey that failed, the page as Playwright's error context caught it at the end
 * (its accessibility tree: headings, texts, fields and their values, alerts). CI keeps only what a run prints, not its
 * `test-results` folder, so a trace would be lost there (CI records none: playwright.config.ts);
 * this is what the next person gets to read instead.
 */
export default class FailureContextReporter implements Reporter {
	onTestEnd(test: TestCase, result: TestResult) {
		if (result.status === 'passed' || result.status === 'skipped') return;
		for (const attachment of result.attachments) {
			if (attachment.name !== 'error-context' || !attachment.path) continue;
			let text: string;
			try {
				text = readFileSync(attachment.path, 'utf8');
			} catch {
				continue;
			}
			// The list reporter already printed the error; the page (a YAML block) is what only this file holds.
			const page = /```yaml\n([\s\S]*?)\n```/.exec(text)?.[1];
			if (!page) continue;
			const cut = page.length > MAX_CHARS ? `${page.slice(0, MAX_CHARS)}\n… (${page.length - MAX_CHARS} more characters in ${attachment.path})` : page;
			process.stdout.write(`\n── What the page showed when "${test.title}" failed ──\n${cut}\n── end ──\n`);
		}
	}

	printsToStdio() {
		return false;
	}
}
