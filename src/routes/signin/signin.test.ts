import { describe, expect, it } from 'vitest';
import { m } from '$lib/i18n';

describe('sign-in lock-out message', () => {
	it('uses the plural rules of each language', () => {
		expect(m.error_too_many_attempts_minutes({ minutes: 1 }, { locale: 'nl' })).toContain('over 1 minuut opnieuw');
		expect(m.error_too_many_attempts_minutes({ minutes: 15 }, { locale: 'nl' })).toContain('over 15 minuten opnieuw');
		expect(m.error_too_many_attempts_minutes({ minutes: 1 }, { locale: 'en' })).toContain('in 1 minute,');
		expect(m.error_too_many_attempts_minutes({ minutes: 2 }, { locale: 'en' })).toContain('in 2 minutes,');
	});
});
