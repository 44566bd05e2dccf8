/**
 * The guide ships no app script: its pages are text, links and one plain form (comments), which
 * work without JavaScript. Only /quick-exit.js is loaded, for the Escape shortcut.
 */
export const csr = false;
