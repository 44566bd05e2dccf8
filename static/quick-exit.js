// Quick exit on pages that ship no app script (the guide): what QuickExit.svelte does once a
// page's script runs. The link itself already leads away without this; here it also replaces
// this page in the history, and Escape pressed three times quickly leaves too.
(function () {
	var link = document.querySelector('a.quick-exit');
	if (!link) return;
	var leave = function (event) {
		if (event) event.preventDefault();
		window.location.replace(link.href);
	};
	var presses = [];
	link.addEventListener('click', leave);
	window.addEventListener('keydown', function (event) {
		if (event.key !== 'Escape') return;
		var now = Date.now();
		presses = presses.filter(function (t) { return now - t < 1500; });
		presses.push(now);
		if (presses.length >= 3) leave();
	});
})();
