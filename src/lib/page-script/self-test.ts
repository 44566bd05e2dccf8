/**
 * The self-test's promise on a page without the app script: the answers are scored here, in the
 * browser, and sent nowhere unless the person saves them (docs/self-test.md, decision 021).
 *
 * The server renders the profile for every outcome into a `<template>` (Result.svelte given only
 * the role) and the "not every question has an answer" texts into another, in the reader's
 * language; this keeps what the answers give. Without JavaScript the form posts and the server
 * renders the same Result from the same scoring, so both profiles read the same.
 */
import { QUESTIONS, isSelfTestRole, missingAnswers, scoreSelfTest, type Answers, type SelfTestResult, type SelfTestRole } from '../selftest/scoring';

function answersOf(form: HTMLFormElement, role: SelfTestRole): Answers {
	const data = new FormData(form);
	const answers: Answers = {};
	for (const q of QUESTIONS[role]) {
		const value = data.get(q.id);
		if (typeof value === 'string') answers[q.id] = value;
	}
	return answers;
}

const part = (root: ParentNode, name: string) => root.querySelector<HTMLElement>(`[data-profile-part="${name}"]`);

/** Keeps the cards of `ids`, in that order; the list goes when it would be empty, its "none" text when not. */
function keepFactors(profile: DocumentFragment, list: 'helps' | 'work', ids: string[]) {
	const ul = part(profile, list);
	const cards = new Map([...(ul?.querySelectorAll<HTMLElement>(':scope > [data-factor]') ?? [])].map((card) => [card.dataset.factor, card]));
	ul?.replaceChildren(...ids.flatMap((id) => cards.get(id) ?? []));
	if (!ids.length) ul?.remove();
	if (ids.length) part(profile, `${list}-none`)?.remove();
}

/** The profile for `result`, from the template's copy of every possibility. */
function profileFor(template: HTMLTemplateElement, result: SelfTestResult, answers: Answers): DocumentFragment {
	const profile = template.content.cloneNode(true) as DocumentFragment;
	if (!result.safetyFirst) part(profile, 'safety')?.remove();
	const indicator = part(profile, 'indicator');
	if (result.indicator === null) indicator?.remove();
	else if (indicator) {
		const value = String(result.indicator);
		const text = indicator.querySelector('[data-indicator-text]');
		if (text) text.textContent = (text.textContent ?? '').replace('{value}', value);
		indicator.querySelector<HTMLElement>('[data-indicator-bar]')?.style.setProperty('width', `${value}%`);
	}
	keepFactors(profile, 'helps', result.helps);
	keepFactors(profile, 'work', result.workOn);
	// Saving is a plain post of the answers, as without JavaScript: only when the person asks.
	const role = profile.querySelector('[data-self-test-save] input[name="role"]');
	role?.after(
		...Object.entries(answers).map(([question, answer]) => {
			const input = document.createElement('input');
			input.type = 'hidden';
			input.name = question;
			input.value = answer;
			return input;
		})
	);
	return profile;
}

/** Marks the unanswered questions and says so at the top, as the server does after a plain post. */
function markMissing(form: HTMLFormElement, texts: HTMLTemplateElement, gaps: string[]) {
	const [alert, choose] = [...texts.content.children] as HTMLElement[];
	form.querySelector(':scope > [role="alert"]')?.remove();
	const shown = alert.cloneNode(true) as HTMLElement;
	form.querySelector(':scope > h2')?.after(shown);
	for (const fieldset of form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-question]')) {
		const id = fieldset.dataset.question ?? '';
		const unanswered = gaps.includes(id);
		fieldset.querySelector(':scope > .field-error')?.remove();
		fieldset.classList.toggle('unanswered', unanswered);
		if (!unanswered) {
			fieldset.removeAttribute('aria-describedby');
			continue;
		}
		const error = choose.cloneNode(true) as HTMLElement;
		error.id = `${id}-error`;
		fieldset.querySelector(':scope > legend')?.after(error);
		fieldset.setAttribute('aria-describedby', error.id);
	}
	shown.focus();
}

export function selfTest() {
	const form = document.querySelector<HTMLFormElement>('form[data-self-test]');
	const template = document.querySelector<HTMLTemplateElement>('template[data-self-test-profile]');
	const missingTexts = document.querySelector<HTMLTemplateElement>('template[data-self-test-missing]');
	if (!form || !template || !missingTexts) return;
	form.addEventListener('submit', (event) => {
		const role = new FormData(form).get('role');
		if (!isSelfTestRole(role)) return;
		event.preventDefault();
		const answers = answersOf(form, role);
		const gaps = missingAnswers(role, answers);
		if (gaps.length) return markMissing(form, missingTexts, gaps);
		const profile = profileFor(template, scoreSelfTest(role, answers), answers);
		const questions = [...document.querySelectorAll('[data-self-test-questions]')];
		questions[0].before(profile);
		for (const old of questions) old.remove();
		template.remove();
		missingTexts.remove();
		document.getElementById('selftest-result-title')?.focus();
		window.scrollTo({ top: 0 });
	});
}
