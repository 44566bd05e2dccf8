import type { CoachLanguage, RuleId } from './types';

/** Text for the "about this rule" page of one rule, in one language. */
export interface RuleInfo {
	title: string;
	summary: string;
	explanation: string;
	poorExample: string;
	goodExample: string;
}

/** About-this-rule texts, per rule and language, written for the person who writes the apology. */
export const RULE_INFO: Record<RuleId, Record<CoachLanguage, RuleInfo>> = {
	'blame-shift': {
		nl: {
			title: 'De schuld verschuiven',
			summary: 'Je legt de oorzaak van wat jij deed bij je partner.',
			explanation:
				'Misschien was er echt afstand tussen jullie, en daar mag later over gepraat worden. Maar in een excuus klinkt „omdat jij …” als: eigenlijk is het jouw schuld. Je partner hoort dan geen spijt, maar een verwijt. Houd het bij wat jíj deed; wat er in de relatie misliep, bespreken jullie samen, op een ander moment.',
			poorExample: 'Het spijt me, maar omdat jij nooit thuis was, zocht ik het ergens anders.',
			goodExample: 'Ik ben vreemdgegaan. Dat was mijn keuze, niet de jouwe.'
		},
		en: {
			title: 'Shifting the blame',
			summary: 'You put the cause of what you did on your partner.',
			explanation:
				'There may really have been distance between you, and that can be talked about later. In an apology, though, “because you …” sounds like: really, it is your fault. Your partner hears an accusation instead of regret. Stay with what you did; what went wrong in the relationship is something to explore together, at another time.',
			poorExample: 'I’m sorry, but because you were never home, I looked elsewhere.',
			goodExample: 'I cheated on you. That was my choice, not yours.'
		}
	},
	'conditional-apology': {
		nl: {
			title: 'Voorwaardelijke spijt',
			summary: 'Je spijt hangt af van een „als”, of gaat over het gevoel van je partner in plaats van over je daad.',
			explanation:
				'„Het spijt me als ik je pijn heb gedaan” laat open of er wel pijn is. „Sorry dat je je zo voelt” maakt het gevoel van je partner het probleem. Beide voelen als een halve spijtbetuiging. Zeg zonder voorbehoud waar je spijt van hebt: van wat jij deed.',
			poorExample: 'Het spijt me als je je gekwetst voelt.',
			goodExample: 'Het spijt me dat ik je heb bedrogen. Ik heb je pijn gedaan.'
		},
		en: {
			title: 'Conditional regret',
			summary: 'Your regret depends on an “if”, or is about your partner’s feelings instead of your act.',
			explanation:
				'“I’m sorry if I hurt you” leaves open whether there was any hurt. “Sorry you feel that way” makes your partner’s feelings the problem. Both land as half an apology. Say without reservation what you regret: what you did.',
			poorExample: 'I’m sorry if you feel hurt.',
			goodExample: 'I’m sorry that I cheated on you. I hurt you.'
		}
	},
	'but-apology': {
		nl: {
			title: 'Spijt met een „maar”',
			summary: 'Na je spijtbetuiging volgt in dezelfde zin een „maar”.',
			explanation:
				'Alles wat na „maar” komt, weegt zwaarder dan wat ervoor staat. „Het spijt me, maar …” wordt zo een verdediging. Zet een punt achter je spijt. Wil je iets toelichten, doe dat later, als je partner erom vraagt.',
			poorExample: 'Het spijt me, maar ik voelde me al zo lang alleen.',
			goodExample: 'Het spijt me. Ik heb je pijn gedaan en dat had nooit mogen gebeuren.'
		},
		en: {
			title: 'Regret with a “but”',
			summary: 'Your apology goes on with “but” in the same sentence.',
			explanation:
				'Whatever follows “but” outweighs what came before it, so “I’m sorry, but …” turns into a defence. End the sentence after your regret. If there is something to explain, do it later, when your partner asks.',
			poorExample: 'I’m sorry, but I had felt alone for so long.',
			goodExample: 'I’m sorry. I hurt you, and it should never have happened.'
		}
	},
	minimizing: {
		nl: {
			title: 'Kleiner maken',
			summary: 'Je maakt wat je deed kleiner dan het was.',
			explanation:
				'Woorden als „foutje”, „slippertje”, „maar één keer” of „het betekende niets” zijn vaak bedoeld om gerust te stellen. Voor je partner zeggen ze: zo erg is het niet. Maar hoe erg het is, bepaalt de pijn van je partner, niet jij. Noem het zoals het was.',
			poorExample: 'Het was maar een kus en het betekende niets.',
			goodExample: 'Ik heb een ander gekust en ik heb je daarover voorgelogen.'
		},
		en: {
			title: 'Minimising',
			summary: 'You make what you did sound smaller than it was.',
			explanation:
				'Words like “just a kiss”, “only once” or “it meant nothing” are often meant to reassure. To your partner they say: it isn’t that bad. But how bad it is, is measured by your partner’s pain, not by you. Call it what it was.',
			poorExample: 'It was just a kiss and it meant nothing.',
			goodExample: 'I kissed someone else and I lied to you about it.'
		}
	},
	justification: {
		nl: {
			title: 'Rechtvaardigen',
			summary: 'Je verklaart je daad vanuit je omstandigheden: drank, eenzaamheid, stress.',
			explanation:
				'Er zijn vaak echte redenen, en die onderzoeken hoort bij herstel. Maar in het excuus zelf klinken ze als een excuus in de andere betekenis: ik kon er eigenlijk niets aan doen. Eerst je verantwoordelijkheid, de uitleg later, als je partner erom vraagt.',
			poorExample: 'Ik had te veel gedronken en wist niet wat ik deed.',
			goodExample: 'Ik heb met hem geslapen. Ik wist wat ik deed en ik draag daar de verantwoordelijkheid voor.'
		},
		en: {
			title: 'Justifying',
			summary: 'You explain your act by your circumstances: drink, loneliness, stress.',
			explanation:
				'There are often real reasons, and exploring them is part of repair. In the apology itself, though, they sound like an excuse: I couldn’t really help it. Responsibility first; the explanation later, when your partner asks for it.',
			poorExample: 'I was drunk and didn’t know what I was doing.',
			goodExample: 'I slept with him. I knew what I was doing, and I take responsibility for it.'
		}
	},
	'intimate-detail': {
		nl: {
			title: 'Intieme details en vergelijkingen',
			summary: 'Je geeft seksuele of intieme details, of vergelijkt je partner met de ander.',
			explanation:
				'De daad benoemen is nodig: „ik heb met een collega geslapen”. Details over de seks, of hoe de ander was, zetten beelden in het hoofd van je partner die moeilijk weggaan. Vergelijkingen in het voordeel van de ander doen extra pijn. Wil je partner meer weten, laat hen dan zelf bepalen wat en wanneer.',
			poorExample: 'De seks met haar was spannender, ze is jonger dan jij.',
			goodExample: 'Ik heb met een collega geslapen. Als je er vragen over hebt, zal ik ze eerlijk beantwoorden.'
		},
		en: {
			title: 'Intimate details and comparisons',
			summary: 'You give sexual or intimate details, or compare your partner with the other person.',
			explanation:
				'Naming the act is needed: “I slept with a coworker.” Details about the sex, or about what the other person was like, put pictures in your partner’s mind that are hard to shake. Comparisons that favour the other person hurt even more. If your partner wants to know more, let them decide what and when.',
			poorExample: 'The sex with her was more exciting; she is younger than you.',
			goodExample: 'I slept with a coworker. If you have questions about it, I will answer them honestly.'
		}
	},
	'forgiveness-pressure': {
		nl: {
			title: 'Druk om te vergeven',
			summary: 'Je eist vergeving, geeft er een termijn aan, of wilt het onderwerp afsluiten.',
			explanation:
				'Vergeving is iets wat je partner misschien ooit geeft, in een eigen tempo. „Je moet me vergeven”, „binnen een week” of „laten we het vergeten” leggen de last bij de gekwetste. Hoop mag je uitspreken; eisen niet.',
			poorExample: 'Ik heb sorry gezegd. Kunnen we het nu vergeten?',
			goodExample: 'Ik hoop dat je me ooit kunt vergeven. Neem alle tijd die je nodig hebt.'
		},
		en: {
			title: 'Pressure to forgive',
			summary: 'You demand forgiveness, put a deadline on it, or want to close the subject.',
			explanation:
				'Forgiveness is something your partner may give one day, at their own pace. “You have to forgive me”, “within a week” or “let’s move on” put the weight on the one who was hurt. You may voice a hope; not a demand.',
			poorExample: 'I said I’m sorry. Can we move on now?',
			goodExample: 'I hope you can forgive me one day. Take all the time you need.'
		}
	},
	'vague-agency': {
		nl: {
			title: 'Niemand deed het',
			summary: 'Je beschrijft wat er gebeurde zonder te zeggen wie het deed.',
			explanation:
				'„Er zijn fouten gemaakt” of „het is gewoon gebeurd” klinken alsof het je overkwam. Je partner wil horen dat jij het deed. Maak jezelf het onderwerp van de zin: „ik heb …”.',
			poorExample: 'Er is iets gebeurd tussen haar en mij. Het liep uit de hand.',
			goodExample: 'Ik heb met haar gezoend en ik heb het laten doorgaan.'
		},
		en: {
			title: 'No one did it',
			summary: 'You describe what happened without saying who did it.',
			explanation:
				'“Mistakes were made” or “it just happened” sound as if it happened to you. Your partner needs to hear that you did it. Make yourself the subject of the sentence: “I …”.',
			poorExample: 'Something happened between her and me. Things got out of hand.',
			goodExample: 'I kissed her, and I let it go on.'
		}
	},
	'self-punishment': {
		nl: {
			title: 'Jezelf straffen',
			summary: 'Je maakt jezelf klein of slecht, en wordt zo zelf het middelpunt.',
			explanation:
				'„Ik ben een monster” of „ik verdien je niet” voelen misschien eerlijk. Maar je partner moet jou dan geruststellen, terwijl zij of hij de gekwetste is. Schuldgevoel is begrijpelijk; laat het zien in wat je gaat doen, niet in hoe slecht je over jezelf praat.',
			poorExample: 'Ik ben een slecht mens en ik haat mezelf.',
			goodExample: 'Ik schaam me voor wat ik deed, en ik ga laten zien dat ik kan veranderen.'
		},
		en: {
			title: 'Punishing yourself',
			summary: 'You run yourself down, and so become the centre of attention yourself.',
			explanation:
				'“I’m a monster” or “I don’t deserve you” may feel honest. But then your partner has to comfort you, while they are the one who was hurt. Guilt is understandable; show it in what you will do, not in how badly you speak of yourself.',
			poorExample: 'I’m a terrible person and I hate myself.',
			goodExample: 'I’m ashamed of what I did, and I will show you that I can change.'
		}
	},
	'missing-regret': {
		nl: {
			title: 'Spijt ontbreekt',
			summary: 'Je zegt nergens dat het je spijt.',
			explanation:
				'Het lijkt vanzelfsprekend, maar je partner wil het horen, in gewone woorden: „het spijt me”. Zonder die zin blijft de rest een verslag.',
			poorExample: 'Ik ben vreemdgegaan en ik zal het contact verbreken.',
			goodExample: 'Ik ben vreemdgegaan en het spijt me, uit de grond van mijn hart.'
		},
		en: {
			title: 'No regret',
			summary: 'You do not say anywhere that you are sorry.',
			explanation:
				'It may seem obvious, but your partner needs to hear it in plain words: “I’m sorry.” Without that sentence, the rest reads like a report.',
			poorExample: 'I cheated on you and I will end the contact.',
			goodExample: 'I cheated on you, and I am truly sorry.'
		}
	},
	'missing-ownership': {
		nl: {
			title: 'Benoem wat je deed',
			summary: 'Je zegt nergens in de ik-vorm wat je gedaan hebt.',
			explanation:
				'„Sorry voor alles” of „het spijt me wat ik gedaan heb” laten je partner raden. Noem de daad zelf, eenvoudig en zonder details: „ik ben vreemdgegaan”, „ik heb je voorgelogen”. Dat is de kern van een eerlijk excuus.',
			poorExample: 'Het spijt me voor alles wat er is gebeurd.',
			goodExample: 'Ik heb een affaire gehad en ik heb daarover gelogen.'
		},
		en: {
			title: 'Name what you did',
			summary: 'You do not say, in your own words, what you did.',
			explanation:
				'“Sorry for everything” or “I’m sorry for what I did” leave your partner guessing. Name the act itself, simply and without details: “I cheated on you”, “I lied to you”. That is the heart of an honest apology.',
			poorExample: 'I’m sorry for everything.',
			goodExample: 'I had an affair and I lied to you about it.'
		}
	},
	'missing-acknowledgment': {
		nl: {
			title: 'Erken de pijn',
			summary: 'Je zegt nergens, zonder voorwaarde, dat je je partner pijn hebt gedaan.',
			explanation:
				'Je partner wil weten dat je begrijpt wat je hebt aangericht. Zeg het zonder „als” of „misschien”: „ik heb je pijn gedaan”, „ik heb je vertrouwen beschaamd”.',
			poorExample: 'Het spijt me dat ik ben vreemdgegaan. Ik zal veranderen.',
			goodExample: 'Het spijt me dat ik ben vreemdgegaan. Ik heb je diep gekwetst en je vertrouwen beschaamd.'
		},
		en: {
			title: 'Acknowledge the hurt',
			summary: 'You do not say, without a condition, that you hurt your partner.',
			explanation:
				'Your partner needs to know you understand what you caused. Say it without “if” or “maybe”: “I hurt you”, “I broke your trust”.',
			poorExample: 'I’m sorry I cheated. I will change.',
			goodExample: 'I’m sorry I cheated. I hurt you deeply and I broke your trust.'
		}
	},
	'missing-commitment': {
		nl: {
			title: 'Wat ga je doen?',
			summary: 'Je belooft nergens wat je anders gaat doen of hoe je het herstelt.',
			explanation:
				'Spijt krijgt betekenis door wat erop volgt. Zeg wat je concreet gaat doen: het contact verbreken, vragen eerlijk beantwoorden, hulp zoeken. Houd het klein en waar te maken.',
			poorExample: 'Ik heb je bedrogen en het spijt me. Ik heb je pijn gedaan.',
			goodExample: 'Ik heb het contact verbroken, en ik zal al je vragen eerlijk beantwoorden.'
		},
		en: {
			title: 'What will you do?',
			summary: 'You do not commit to anything you will do differently or to repair.',
			explanation:
				'Regret gains meaning through what follows it. Say what you will concretely do: end the contact, answer questions honestly, get help. Keep it small and doable.',
			poorExample: 'I cheated on you and I’m sorry. I hurt you.',
			goodExample: 'I have ended all contact, and I will answer every question honestly.'
		}
	}
};
