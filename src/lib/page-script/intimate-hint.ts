/**
 * The intimate-detail hint beside a text (IntimateHint.svelte's markup): loads the check in the
 * page's language, named by `data-intimate-hint` (a script of its own, only on pages that show
 * the hint), and shows the notice while the field `data-for` names holds what the coach would
 * call an intimate detail. A gentle word, never a block; when the check cannot load, no hint.
 */
type Check = { mentionsIntimateDetail: (text: string) => boolean };

export function intimateHints() {
	for (const hint of document.querySelectorAll<HTMLElement>('[data-intimate-hint]')) {
		const field = document.getElementById(hint.dataset.for ?? '');
		const notice = hint.querySelector<HTMLElement>('.notice');
		const href = hint.dataset.intimateHint;
		if (!(field instanceof HTMLTextAreaElement) || !notice || !href) continue;
		import(/* @vite-ignore */ href).then(
			({ mentionsIntimateDetail }: Check) => {
				let timer: ReturnType<typeof setTimeout> | undefined;
				const check = () => (notice.hidden = !mentionsIntimateDetail(field.value));
				field.addEventListener('input', () => {
					clearTimeout(timer);
					timer = setTimeout(check, 300);
				});
				// A kept draft or a refused post's text is there before anything is typed.
				check();
			},
			() => {}
		);
	}
}
