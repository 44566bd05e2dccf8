/**
 * The guide ships no app script: its pages are text, links and one plain form (comments), which
 * work without JavaScript. The layout adds the page script instead (decision 021): the quick
 * exit's shortcut, the comment's kept draft, the service worker.
 */
export const csr = false;
