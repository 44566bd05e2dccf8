/**
 * A field people never see or fill in (hidden from view, from screen readers and from the tab
 * order), which simple form-filling scripts do fill in. A post with it filled in gets the normal
 * "thank you" answer and nothing is stored, so the script learns nothing.
 */
export const HONEYPOT_FIELD = 'website';

export function caughtByHoneypot(form: FormData): boolean {
	const value = form.get(HONEYPOT_FIELD);
	return typeof value === 'string' && value.trim() !== '';
}
