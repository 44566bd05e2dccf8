/**
 * The coach's live editor on its pages (ApologyEditor.svelte's markup, `data-coach-editor`): loads
 * the coach script of the language the text is read in (named by `data-coach-nl` and
 * `data-coach-en`; each holds that language's analyser and the editor) and starts it. When the
 * script cannot load, the page stays what it is without JavaScript: "Check" asks the server.
 */
import { detectLanguage } from '../coach/detect-language';
import type { Analyse, startCoachEditor } from './coach/editor';
import type { CoachLanguage } from '../coach/types';

type CoachScript = { analyzeApology: Analyse; startCoachEditor: typeof startCoachEditor };

export function coachEditor() {
	const root = document.querySelector<HTMLElement>('[data-coach-editor]');
	const text = root?.querySelector('textarea');
	const chosen = root?.querySelector('select')?.value;
	if (!root || !text) return;
	// As the analyser decides: the language asked for, else the text's, else the page's.
	const lang: CoachLanguage = chosen === 'en' || chosen === 'nl' ? chosen : text.value.trim() ? detectLanguage(text.value) : document.documentElement.lang === 'en' ? 'en' : 'nl';
	import(/* @vite-ignore */ (lang === 'en' ? root.dataset.coachEn : root.dataset.coachNl) ?? '').then(
		(script: CoachScript) => script.startCoachEditor(root, lang, script.analyzeApology),
		() => {}
	);
}
