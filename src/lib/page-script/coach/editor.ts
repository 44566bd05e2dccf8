/**
 * The coach's live editor, without SvelteKit's client (decision 024): part of each language's
 * coach script (./nl.ts, ./en.ts), which the page script loads on the coach's pages. It reads
 * the apology in the browser while it is written, marks the passages behind the text, and keeps
 * the feedback beside it up to date. Nothing is sent until the writer saves.
 *
 * It has no words of its own: ApologyEditor.svelte writes every text it shows into the page, in the
 * reader's language (the findings' own messages come from the analyser, in the text's language).
 * The page script has already restored a kept draft and counts the text (./index.ts).
 */
import { detectLanguage } from '../../coach/detect-language';
import { segments } from '../../coach/highlight';
import { analysablePart, MAX_APOLOGY_LENGTH } from '../../coach/limits';
import type { AnalysisResult, CoachLanguage, ElementName } from '../../coach/types';

export type Analyse = (text: string, options: { lang: CoachLanguage }) => AnalysisResult;

/** The analyser of the other language: its own script, named on the editor by the server. */
async function loadAnalyser(root: HTMLElement, lang: CoachLanguage): Promise<Analyse> {
	const module: { analyzeApology: Analyse } = await import(/* @vite-ignore */ (lang === 'en' ? root.dataset.coachEn : root.dataset.coachNl) ?? '');
	return module.analyzeApology;
}

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

function part<T extends Element>(root: ParentNode, selector: string): T {
	const found = root.querySelector<T>(selector);
	if (!found) throw new Error(`coach editor: ${selector} is missing`);
	return found;
}

/** Starts the editor in `root` (ApologyEditor's markup), analysing `lang` with `analyse` at once. */
export function startCoachEditor(root: HTMLElement, lang: CoachLanguage, analyse: Analyse) {
	const text = part<HTMLTextAreaElement>(root, 'textarea');
	const language = part<HTMLSelectElement>(root, 'select');
	const backdrop = part<HTMLElement>(root, '.backdrop');
	const hint = part<HTMLElement>(root, '[data-live]');
	const feedback = part<HTMLElement>(root, '[data-coach-feedback]');
	const summary = part<HTMLElement>(feedback, '[role="status"]');
	const partial = part<HTMLElement>(feedback, '[data-coach-partial]');
	const details = part<HTMLElement>(feedback, '[data-coach-result]');
	const findingsHeading = part<HTMLElement>(feedback, '[data-coach-findings-heading]');
	const findingsList = part<HTMLOListElement>(feedback, 'ol.findings');
	const findingTemplate = part<HTMLTemplateElement>(feedback, 'template[data-coach-finding]');
	const elements = part<HTMLElement>(feedback, 'ul.elements');
	const titles = JSON.parse(feedback.dataset.ruleTitles ?? '{}') as Record<string, string>;
	const analysers = new Map<CoachLanguage, Promise<Analyse>>([[lang, Promise.resolve(analyse)]]);
	const loaded = new Map<CoachLanguage, Analyse>([[lang, analyse]]);

	function showMarks(value: string, result: AnalysisResult | null) {
		backdrop.replaceChildren(
			...segments(value, result?.findings ?? []).map((seg) => {
				if (!seg.ruleId) return document.createTextNode(seg.text);
				const mark = document.createElement('mark');
				mark.className = 'mark';
				mark.textContent = seg.text;
				return mark;
			}),
			// The closing newline keeps the backdrop as tall as the text area when the text ends in one.
			document.createTextNode('\n')
		);
	}

	function findingItem(finding: AnalysisResult['findings'][number], textLang: CoachLanguage) {
		const item = findingTemplate.content.firstElementChild?.cloneNode(true) as HTMLLIElement;
		item.classList.add(finding.severity);
		const slot = (name: string) => part<HTMLElement>(item, `[data-slot="${name}"]`);
		const title = titles[finding.ruleId] ?? finding.ruleId;
		slot('title').textContent = title;
		if (finding.actual) slot('quote').textContent = `“${finding.actual}”`;
		else slot('quote').remove();
		slot('message').textContent = finding.message;
		slot('message').lang = textLang;
		if (finding.expected) {
			slot('expected').lang = textLang;
			slot('expected-text').textContent = finding.expected;
		} else slot('expected').remove();
		const link = slot('link') as HTMLAnchorElement;
		link.href = (feedback.dataset.ruleHref ?? '').replace('__rule__', finding.ruleId);
		slot('link-title').textContent = title;
		return item;
	}

	function show(value: string, result: AnalysisResult | null) {
		const t = feedback.dataset;
		const count = result?.findings.length ?? 0;
		summary.textContent = !result ? (t.empty ?? '') : count === 0 ? (t.clean ?? '') : fill(t.points ?? '', { count: String(count) });
		// Over the limit the coach reads the first part and says so; the counter says it is too long to save.
		partial.hidden = value.length <= MAX_APOLOGY_LENGTH;
		details.hidden = !result;
		findingsHeading.hidden = count === 0;
		findingsList.replaceChildren(...(result?.findings ?? []).map((finding) => findingItem(finding, result!.language)));
		if (result) {
			for (const item of elements.querySelectorAll<HTMLElement>('[data-element]')) {
				const present = result.elements[item.dataset.element as ElementName];
				item.classList.toggle('present', present);
				part<HTMLElement>(item, '[aria-hidden="true"]').textContent = present ? '✓' : '○';
				part<HTMLElement>(item, '.visually-hidden').textContent = `: ${present ? elements.dataset.present : elements.dataset.missing}`;
			}
		}
		showMarks(value, result);
	}

	function run() {
		const value = text.value;
		const checked = analysablePart(value);
		if (!checked.trim()) return show(value, null);
		const wanted: CoachLanguage = language.value === 'en' || language.value === 'nl' ? language.value : detectLanguage(checked);
		const ready = loaded.get(wanted);
		if (ready) return show(value, ready(checked, { lang: wanted }));
		// A text in the other language: its analyser arrives first (the page loads one language).
		let pending = analysers.get(wanted);
		if (!pending) {
			pending = loadAnalyser(root, wanted);
			analysers.set(wanted, pending);
			pending.then((other) => loaded.set(wanted, other), () => analysers.delete(wanted));
		}
		pending.then(run, () => {});
	}

	let timer: ReturnType<typeof setTimeout> | undefined;
	text.addEventListener('input', () => {
		clearTimeout(timer);
		timer = setTimeout(run, 150);
	});
	text.addEventListener('scroll', () => (backdrop.scrollTop = text.scrollTop));
	language.addEventListener('change', run);
	hint.textContent = hint.dataset.live ?? '';
	run();
}
