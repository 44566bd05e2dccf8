import type { ActionResult, SubmitFunction } from '@sveltejs/kit';
import { m } from '$lib/i18n';
import { forgetDraft, keepsDraft } from './drafts';
import { overLimitFields } from './text-limit';

interface Options {
	/** Empty the long-text fields after a successful post (forms that create something new). */
	clearOnSuccess?: boolean;
}

/** A redirect to the sign-in page means the session ended: nothing was saved. */
const saved = (result: ActionResult) =>
	result.type === 'success' || (result.type === 'redirect' && !/\/signin$/.test(new URL(result.location, location.href).pathname));

/**
 * `use:enhance` for forms with long text: refuses a text over its limit before sending, keeps the
 * text when the server refuses or cannot be reached, and says why in the reader's language.
 * Show `keeper.problem` in the form; it also carries the server's own `message` on a failure.
 */
export function textKeeper(options: Options = {}) {
	let problem = $state<string | null>(null);

	const submit: SubmitFunction = ({ formElement, cancel, submitter }) => {
		problem = null;
		// Offline, sending can only fail: keep the form as it is and say so calmly.
		if (!navigator.onLine) {
			cancel();
			problem = m.form_offline_kept();
			return;
		}
		const tooLong = overLimitFields(formElement);
		if (tooLong.length) {
			cancel();
			problem = m.form_refused_too_long();
			tooLong[0].focus();
			return;
		}
		return async ({ result, update }) => {
			if (result.type === 'error') {
				// No update(): SvelteKit would replace the page, and the text with it, by the error page.
				problem = result.status === 413 ? m.form_error_too_large() : m.form_error_not_sent();
				return;
			}
			if (result.type === 'failure') {
				const message = (result.data as { message?: unknown } | undefined)?.message;
				problem = typeof message === 'string' ? message : null;
			}
			if (saved(result) && !keepsDraft(submitter)) {
				for (const el of formElement.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>('[data-draft-key]')) {
					forgetDraft(el.dataset.draftKey!);
				}
				if (options.clearOnSuccess && result.type === 'success') {
					for (const el of formElement.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>('[data-max-chars]')) {
						el.value = '';
						el.dispatchEvent(new Event('input', { bubbles: true }));
					}
				}
			}
			await update({ reset: false });
		};
	};

	return {
		submit,
		get problem() {
			return problem;
		}
	};
}
