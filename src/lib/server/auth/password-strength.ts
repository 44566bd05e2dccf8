import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/**
 * Why a new password is refused, as an error code (`error_<code>` in messages/*.json), or null.
 * Length alone let "1234567890" and "password12" through; zxcvbn-ts estimates how many guesses a
 * password takes, knowing common passwords and English and Dutch words, names and keyboard rows.
 */
export type PasswordProblem = 'password_personal' | 'password_common' | 'password_guessable';

const problems: readonly string[] = ['password_personal', 'password_common', 'password_guessable'] satisfies PasswordProblem[];

/** For forms: these errors belong beside the password field. */
export const isPasswordProblem = (code: string): code is PasswordProblem => problems.includes(code);

/** zxcvbn's score 3 means "safely unguessable" for an online attack: about 10^8 guesses or more. */
export const MIN_PASSWORD_SCORE = 3;

/** Shorter names or e-mail parts ("Al", "jo") are too often ordinary words to refuse on sight. */
const MIN_PERSONAL_PART = 4;

const commonWarnings = new Set(['topTen', 'topHundred', 'common', 'similarToCommon']);

let factory: Promise<ZxcvbnFactory> | undefined;

/** The dictionaries are a few MB: loaded on the first check, once, not at start-up. */
function estimator(): Promise<ZxcvbnFactory> {
	factory ??= (async () => {
		const [{ ZxcvbnFactory }, common, en, nlBe] = await Promise.all([
			import('@zxcvbn-ts/core'),
			import('@zxcvbn-ts/language-common'),
			import('@zxcvbn-ts/language-en'),
			import('@zxcvbn-ts/language-nl-be')
		]);
		// nl-be (a v3 package) names its lists like the common ones; a suffix keeps both.
		const dutch = Object.fromEntries(Object.entries(nlBe.dictionary).map(([name, words]) => [`${name}-nl`, words]));
		return new ZxcvbnFactory({
			dictionary: { ...common.dictionary, ...en.dictionary, ...dutch },
			graphs: common.adjacencyGraphs
		});
	})();
	return factory;
}

function personalParts(inputs: { email?: string; name?: string }): string[] {
	const parts = new Set<string>();
	const email = inputs.email?.toLowerCase();
	if (email) {
		parts.add(email);
		// The part before the @ is personal; the provider's name ("gmail") is not.
		for (const piece of email.split('@')[0].split(/[.+_-]+/)) parts.add(piece);
	}
	for (const piece of inputs.name?.toLowerCase().split(/\s+/) ?? []) parts.add(piece);
	return [...parts].filter((part) => part.length >= MIN_PERSONAL_PART);
}

export async function passwordProblem(password: string, inputs: { email?: string; name?: string } = {}): Promise<PasswordProblem | null> {
	const personal = personalParts(inputs);
	const lower = password.toLowerCase();
	if (personal.some((part) => lower.includes(part))) return 'password_personal';
	const result = (await estimator()).check(password, [...personal, 'herstelpad']);
	if (result.score >= MIN_PASSWORD_SCORE) return null;
	if (result.feedback.warning && commonWarnings.has(result.feedback.warning)) return 'password_common';
	if (result.sequence.some((match) => 'dictionaryName' in match && match.dictionaryName === 'passwords-common')) return 'password_common';
	return 'password_guessable';
}
