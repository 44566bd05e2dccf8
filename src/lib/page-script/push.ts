/**
 * The notification settings' "turn on push" for the page script (decision 021): the same asking
 * as the page does when the app renders it (`subscribeToPush`), then the page's own subscribe form
 * sent as a plain post, whose answer the server renders. The markup is the page's:
 *
 * - `[data-push-key]`: the section, with the server's VAPID public key (empty without one);
 * - `[data-push-turn-on]`: the button's paragraph, `hidden` until a script can use it (without
 *   JavaScript there is nothing to press: push needs the browser);
 * - `form[data-push-form]`: the hidden subscribe form with `endpoint`, `p256dh` and `auth`;
 * - `template[data-push-says="denied|unsupported|failed"]`: what to say when it did not work.
 *
 * It does nothing on a page without them, and has no words of its own.
 */
import { subscribeToPush, type PushFields } from '../components/push-subscription';

export function pushOptIn() {
	const section = document.querySelector<HTMLElement>('[data-push-key]');
	const turnOn = section?.querySelector<HTMLElement>('[data-push-turn-on]');
	const button = turnOn?.querySelector('button');
	const form = section?.querySelector<HTMLFormElement>('form[data-push-form]');
	if (!section || !turnOn || !button || !form) return;
	let said: Element | null = null;
	const say = (why: string) => {
		const template = section.querySelector(`template[data-push-says="${why}"]`);
		const text = template instanceof HTMLTemplateElement ? template.content.firstElementChild?.cloneNode(true) : null;
		if (!(text instanceof Element)) return;
		said?.remove();
		form.before((said = text));
	};
	const fill = (fields: PushFields) => {
		for (const [name, value] of Object.entries(fields)) {
			const input = form.elements.namedItem(name);
			if (input instanceof HTMLInputElement) input.value = value;
		}
	};
	button.addEventListener('click', async () => {
		// Asked only now, after the click: never on opening the page.
		button.disabled = true;
		section.setAttribute('aria-busy', 'true');
		const answer = await subscribeToPush(section.dataset.pushKey);
		section.removeAttribute('aria-busy');
		if (typeof answer === 'string') {
			button.disabled = false;
			return say(answer);
		}
		said?.remove();
		fill(answer);
		// A plain post (the button stays off until its answer, a new page, says push is on).
		form.requestSubmit();
	});
	turnOn.hidden = false;
}
