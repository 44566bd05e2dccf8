import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-strength';
import { newToken } from '../security/tokens';

describe('password strength', () => {
	it('refuses the most common passwords', async () => {
		for (const password of ['1234567890', 'password12', 'qwertyuiop', 'iloveyou12']) {
			expect(await passwordProblem(password), password).toBe('password_common');
		}
	});

	it('knows Dutch words and names, not only English ones', async () => {
		for (const password of ['Wachtwoord2024', 'geheim1234', 'Amsterdam1', 'welkom2024']) {
			expect(await passwordProblem(password), password).not.toBeNull();
		}
	});

	it('refuses the user’s own name or e-mail address inside a password', async () => {
		expect(await passwordProblem('noor walks by the sea', { email: 'n.devries@example.org', name: 'Noor de Vries' })).toBe('password_personal');
		expect(await passwordProblem('DeVries and the long sea', { email: 'n.devries@example.org', name: 'Noor' })).toBe('password_personal');
		// Short name parts and the provider's domain are ordinary words, not personal.
		expect(await passwordProblem('a calm and long phrase', { email: 'al@calm.example', name: 'Al' })).toBeNull();
	});

	it('accepts phrases of ordinary words and random secrets', async () => {
		for (const password of ['a calm and long phrase', 'a quiet morning walk', 'long enough pass', 'ik hou van lange wandelingen', newToken()]) {
			expect(await passwordProblem(password, { email: 'sam@example.org', name: 'Sam' }), password).toBeNull();
		}
	});
});
