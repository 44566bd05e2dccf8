/**
 * The page script: the one small script of the pages that ship no SvelteKit client
 * (`export const csr = false`, docs/decisions/021-pages-without-the-app-script.md). Their forms
 * and links work as plain HTML; this adds what the hydrated components add elsewhere, with the
 * same modules, and nothing else:
 *
 * - the quick exit replaces the page in the history, and Escape pressed three times leaves;
 * - the phone's "More" sheet closes on Escape and gives the focus back to its button;
 * - unsaved long texts are kept in this tab per user, restored after a reload or a refused post,
 *   forgotten once saved and at sign-out (the same keys as LongTextField, so a draft carries over
 *   between pages with and without the app's script);
 * - a long text is counted as it is written, and a form is not sent while offline or with a text
 *   over its limit (what textKeeper does);
 * - after a plain post, the focus on what answers it;
 * - the offline notice, the copy buttons, and the service worker's registration;
 * - on the notification settings, turning Web Push on after a click (./push.ts);
 * - beside the honest account, the coach's intimate-detail hint while writing (./intimate-hint.ts);
 * - on the coach's pages, the live editor that reads an apology while it is written (./coach.ts).
 *
 * It has no words of its own: every text it shows was written into the page by the server, in the
 * reader's language. Built by scripts/page-script-plugin.js into one hashed file.
 */
import { answerOf, forgetAllDrafts, keepsDraft, markSent, readDraft, settleSent, thisArrival, writeDraft } from '../components/drafts';
import { leaveFor, tripleEscape } from '../components/quick-exit';
import { counterNumbers, limitTexts, overLimitFields, type LimitStage } from '../components/text-limit';
import { coachEditor } from './coach';
import { intimateHints } from './intimate-hint';
import { pushOptIn } from './push';
import { selfTest } from './self-test';

type TextField = HTMLTextAreaElement | HTMLInputElement;

function quickExit() {
	const link = document.querySelector<HTMLAnchorElement>('a.quick-exit');
	if (!link) return;
	const leave = (event?: Event) => {
		event?.preventDefault();
		leaveFor(link.href);
	};
	link.addEventListener('click', leave);
	addEventListener('keydown', tripleEscape(() => leave()));
}

function moreSheet() {
	addEventListener('keydown', (event) => {
		const sheet = document.querySelector<HTMLDetailsElement>('details.more[open]');
		if (event.key !== 'Escape' || !sheet) return;
		sheet.open = false;
		sheet.querySelector('summary')?.focus();
	});
}

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

/** Keeps a long-text field's counter (LimitCounter's markup) up to date; returns the update. */
function counter(field: TextField): () => void {
	const shown = document.getElementById(`${field.id}-count`);
	const max = Number(shown?.dataset.max);
	if (!shown || !Number.isFinite(max)) return () => {};
	const spoken = document.querySelector(`[data-counter-speaks="${shown.id}"]`);
	const t = shown.dataset;
	const texts = {
		limit: () => t.limit ?? '',
		counter: (n: Record<string, string>) => fill(t.counter ?? '', n),
		over: (n: Record<string, string>) => fill(t.over ?? '', n),
		left: (n: Record<string, string>) => fill(t.left ?? '', n)
	};
	const format = counterNumbers(document.documentElement.lang).format;
	const invalidFromServer = field.getAttribute('aria-invalid') === 'true';
	// As LimitCounter: nothing is said until the text crosses a stage.
	let lastStage: LimitStage = 'quiet';
	const update = () => {
		const now = limitTexts(field.value.length, max, format, texts);
		shown.textContent = now.shown;
		shown.classList.toggle('near', now.stage !== 'quiet');
		shown.classList.toggle('over', now.stage === 'over');
		if (now.stage !== lastStage) {
			lastStage = now.stage;
			if (spoken) spoken.textContent = now.spoken;
		}
		if (invalidFromServer || now.stage === 'over') field.setAttribute('aria-invalid', 'true');
		else field.removeAttribute('aria-invalid');
	};
	update();
	return update;
}

/** Shows LongTextField's "we kept your text" note and names it in the field's description. */
function showRestored(field: TextField) {
	const template = field.closest('[data-long-text]')?.querySelector('template[data-draft-note]');
	const note = template instanceof HTMLTemplateElement ? template.content.firstElementChild?.cloneNode(true) : null;
	if (!template || !(note instanceof HTMLElement)) return;
	template.replaceWith(note);
	const ids = (field.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
	if (!ids.includes(note.id)) ids.splice(ids.indexOf(`${field.id}-hint`) + 1, 0, note.id);
	field.setAttribute('aria-describedby', ids.join(' '));
}

function longTexts() {
	for (const field of document.querySelectorAll<TextField>('[data-max-chars]')) {
		const update = counter(field);
		const key = field.dataset.draftKey;
		if (key) {
			const kept = readDraft(key);
			if (kept !== null && kept !== field.value) {
				field.value = kept;
				showRestored(field);
				update();
			}
		}
		field.addEventListener('input', () => {
			// What the server already has is no draft (as in LongTextField).
			if (key) writeDraft(key, field.value === field.defaultValue ? '' : field.value);
			update();
		});
	}
}

/** Says why a form was not sent, at the top of the form (where the hydrated pages say it). */
function say(form: HTMLFormElement, text: string | undefined) {
	const problem = document.createElement('p');
	problem.className = 'form-error';
	problem.setAttribute('role', 'alert');
	problem.dataset.pageScriptProblem = '';
	problem.textContent = text ?? '';
	form.prepend(problem);
}

function forms() {
	document.addEventListener('submit', (event) => {
		const form = event.target;
		if (!(form instanceof HTMLFormElement)) return;
		// Sign-out: nothing written in this tab stays behind (as the layout's use:enhance does).
		if (form.dataset.forgetDrafts === 'now') return forgetAllDrafts();
		// Ending this session or deleting the account: forgotten once the post has signed out.
		if (form.dataset.forgetDrafts === 'signed-out') return markSent({ all: true });
		const fields = [...form.querySelectorAll<TextField>('[data-max-chars]')];
		if (!fields.length) return;
		for (const old of form.querySelectorAll(':scope > [data-page-script-problem]')) old.remove();
		const texts = (field: TextField) => field.closest<HTMLElement>('[data-long-text]')?.dataset;
		if (!navigator.onLine) {
			event.preventDefault();
			return say(form, texts(fields[0])?.offline);
		}
		const tooLong = overLimitFields(form);
		if (tooLong.length) {
			event.preventDefault();
			say(form, texts(tooLong[0])?.tooLong);
			return tooLong[0].focus();
		}
		if (!keepsDraft(event.submitter)) markSent({ keys: fields.flatMap((field) => (field.dataset.draftKey ? [field.dataset.draftKey] : [])) });
	});
}

function offlineNotice() {
	const template = document.getElementById('offline-notice');
	const notice = template instanceof HTMLTemplateElement ? template.content.firstElementChild : null;
	if (!template || !notice) return;
	let shown: Element | null = null;
	const update = () => {
		if (!navigator.onLine && !shown) template.before((shown = notice.cloneNode(true) as Element));
		else if (navigator.onLine && shown) {
			shown.remove();
			shown = null;
		}
	};
	update();
	addEventListener('online', update);
	addEventListener('offline', update);
}

/** `<button data-copy="input-id" data-copied="…">`: copies the input's text and says so. */
function copyButtons() {
	document.addEventListener('click', (event) => {
		const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-copy]') : null;
		const input = button && document.getElementById(button.dataset.copy ?? '');
		if (!button || !(input instanceof HTMLInputElement)) return;
		navigator.clipboard.writeText(input.value).then(
			() => {
				if (button.nextElementSibling?.hasAttribute('data-copied-status')) return;
				const status = document.createElement('span');
				status.setAttribute('role', 'status');
				status.dataset.copiedStatus = '';
				status.textContent = button.dataset.copied ?? '';
				button.after(status);
			},
			// No clipboard (a plain-http address, say): the link is selected, to copy by hand.
			() => input.select()
		);
	});
}

/**
 * After a plain post the page loads anew, from the top: the focus goes to what answers the post (a
 * refusal, else the first field it refused, else the first message saying what happened), where
 * `use:enhance` would have kept the reader there and announced it.
 */
function focusAnswer(posted: boolean) {
	const main = document.getElementById('main');
	if (!posted || !main) return;
	const messages = [...main.querySelectorAll<HTMLElement>('[role="alert"], [role="status"]:not([data-counter-speaks])')].filter((el) => el.textContent?.trim());
	const answer = messages.find((el) => el.getAttribute('role') === 'alert') ?? main.querySelector<HTMLElement>('[aria-invalid="true"]') ?? messages[0];
	if (!answer) return;
	if (!answer.hasAttribute('tabindex')) answer.setAttribute('tabindex', '-1');
	answer.focus();
}

function serviceWorker() {
	// What SvelteKit's own start-up script does on the other pages (the app has no base path).
	if ('serviceWorker' in navigator) {
		addEventListener('load', () => void navigator.serviceWorker.register('/service-worker.js', import.meta.env.DEV ? { type: 'module' } : undefined));
	}
}

// The post this page answers, if it does: the layout writes its status on <main> (decision 021).
const postStatus = Number(document.getElementById('main')?.dataset.postStatus ?? NaN);
const posted = Number.isFinite(postStatus);
// First the last post's drafts, so a saved text is not restored into the empty form after it.
settleSent(answerOf(thisArrival(posted ? postStatus : null)));
quickExit();
moreSheet();
longTexts();
forms();
offlineNotice();
copyButtons();
pushOptIn();
selfTest();
intimateHints();
coachEditor();
focusAnswer(posted);
serviceWorker();
