import type { CoachLanguage } from './types';

// Frequent words that belong to one language only; "me", "is" and "was" are shared, so left out.
const DUTCH = new Set(
	'aan al als ben bent dat de die dit doen een en er geen gij ge had heb hebt het hoe ik je jij jou jouw kan maar meer met mij mijn na naar niet nooit nu of ons ook over spijt te u uw van voor wat we wij wil zal zijn zo zou'.split(' ')
);
const ENGLISH = new Set(
	'a am and are be because but did didn do don for have i i\'m i\'ve it it\'s my never not of so sorry that the this to want was were what will with would you your'.split(' ')
);

/** Guesses the language of a text from frequent words; Dutch when unsure (Herstelpad is Dutch first). */
export function detectLanguage(text: string): CoachLanguage {
	let dutch = 0;
	let english = 0;
	const words = text.toLowerCase().replace(/[\u2018\u2019]/g, "'").match(/[\p{L}']+/gu) ?? [];
	for (const word of words) {
		if (DUTCH.has(word)) dutch++;
		else if (ENGLISH.has(word)) english++;
	}
	return english > dutch ? 'en' : 'nl';
}
