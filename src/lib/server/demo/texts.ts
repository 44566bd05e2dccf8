/**
 * Sentences the demo couples write, in both languages. Each kind is two lists of parts; a text is
 * one part of the first list and one of the second, so a few lines give dozens of different texts.
 * The Dutch and English lists of a kind have the same lengths, so the same choice exists in both.
 * Written to read like real use: plain, warm, never cruel, and about no real person.
 */

type Parts = readonly [readonly string[], readonly string[]];
type Bilingual = { nl: Parts; en: Parts };

export const TEXT_PARTS = {
	reflection: {
		nl: [
			[
				'Ik merk dat ik het moeilijk vind om erover te praten zonder meteen uit te leggen.',
				'Vandaag dacht ik terug aan de maanden waarin ik je dingen verzweeg.',
				'Wat me het meest raakt, is hoe stil het thuis werd.',
				'Ik heb lang gedacht dat het vanzelf beter zou gaan.',
				'Het lukt me beter om te luisteren als ik eerst zelf rustig word.',
				'Ik schrijf dit op omdat ik het niet wil vergeten.'
			],
			[
				'Ik wil leren om te blijven, ook als het ongemakkelijk wordt.',
				'Misschien begint het bij eerlijk zijn over kleine dingen.',
				'Ik weet nog niet wat het voor ons betekent, en dat mag.',
				'Morgen wil ik er met je over praten, als jij dat wilt.'
			]
		],
		en: [
			[
				'I notice how hard it is to talk about it without explaining right away.',
				'Today I thought back to the months when I kept things from you.',
				'What touches me most is how quiet the house became.',
				'For a long time I thought it would get better on its own.',
				'I listen better when I first let myself calm down.',
				'I am writing this down because I do not want to forget it.'
			],
			[
				'I want to learn to stay, even when it gets uncomfortable.',
				'Perhaps it starts with being honest about small things.',
				'I do not know yet what it means for us, and that is allowed.',
				'Tomorrow I would like to talk about it with you, if you want to.'
			]
		]
	},
	letter: {
		nl: [
			[
				'Ik wilde je even laten weten dat ik aan je denk.',
				'Dank je dat je gisteren naar me luisterde.',
				'Ik weet dat dit een zware week was.',
				'Ik lees je brief wanneer ik er klaar voor ben.',
				'Het was fijn om samen te wandelen zondag.'
			],
			[
				'Neem de tijd die je nodig hebt.',
				'Ik ben er, in jouw tempo.',
				'Laten we vanavond even samen zitten, zonder telefoon.',
				'Ik hoop dat we zo verder kunnen, stap voor stap.'
			]
		],
		en: [
			[
				'I wanted to let you know that I am thinking of you.',
				'Thank you for listening to me yesterday.',
				'I know this has been a heavy week.',
				'I will read your letter when I am ready for it.',
				'It was good to walk together on Sunday.'
			],
			[
				'Take all the time you need.',
				'I am here, at your pace.',
				'Shall we sit together tonight, without our phones?',
				'I hope we can go on like this, one step at a time.'
			]
		]
	},
	need: {
		nl: [
			['Eerlijke antwoorden, ook als ze pijn doen.', 'Dat je zegt waar je bent als je later thuiskomt.', 'Een avond per week zonder dit onderwerp.', 'Dat je me niet haast.', 'Rust in het weekend.'],
			['Dat helpt me om me veiliger te voelen.', 'Meer vraag ik nu niet.']
		],
		en: [
			['Honest answers, even when they hurt.', 'That you tell me where you are when you will be home late.', 'One evening a week without this subject.', 'That you do not rush me.', 'Quiet at the weekend.'],
			['That helps me feel safer.', 'That is all I ask for now.']
		]
	},
	pace: {
		nl: [['Ik heb even tijd voor mezelf nodig.', 'Ik ben er bijna klaar voor.', 'Vanavond kan ik praten.'], ['Dank je voor je geduld.', 'Ik laat het je weten.']],
		en: [['I need some time for myself.', 'I am almost ready.', 'I can talk tonight.'], ['Thank you for your patience.', 'I will let you know.']]
	},
	wish: {
		nl: [
			['Dat je me een berichtje stuurt als je later bent.', 'Samen koken op zaterdag.', 'Dat je vertelt hoe je dag was, ook de saaie stukken.', 'Een weekend weg, alleen wij twee.', 'Dat je je telefoon open laat liggen.', 'Elke avond even samen de dag doornemen.'],
			['Dat zou veel voor me betekenen.', 'Als jij dat ook wilt.']
		],
		en: [
			['A message from you when you are running late.', 'Cooking together on Saturdays.', 'That you tell me about your day, the dull parts too.', 'A weekend away, just the two of us.', 'That you leave your phone out in the open.', 'Going over the day together every evening.'],
			['That would mean a lot to me.', 'If you want that too.']
		]
	},
	checkInNote: {
		nl: [['Lukte goed vandaag.', 'Het was druk, maar ik heb het gedaan.', 'Vergeten tot het laat was.', 'Half gelukt.'], ['Morgen weer.', 'Het voelde goed.', 'Ik blijf het proberen.']],
		en: [['Went well today.', 'It was busy, but I did it.', 'Forgot until it was late.', 'Half done.'], ['Again tomorrow.', 'It felt good.', 'I will keep trying.']]
	},
	comment: {
		nl: [['Ik heb het gemerkt, dank je.', 'Dit doet me goed.', 'Kunnen we de dag aanpassen?', 'Het hoeft niet perfect.'], ['Fijn dat je het volhoudt.', 'Laten we het erover hebben.']],
		en: [['I noticed, thank you.', 'This does me good.', 'Could we change the day?', 'It does not have to be perfect.'], ['Good that you keep it up.', 'Let us talk about it.']]
	},
	trustHelped: {
		nl: [['Dat je uit jezelf vertelde waar je was.', 'Ons gesprek aan tafel.', 'Een rustige avond samen.', 'Je berichtje tussen de middag.'], ['Dat gaf rust.', 'Daar had ik iets aan.']],
		en: [['That you told me where you were without my asking.', 'Our talk at the table.', 'A quiet evening together.', 'Your message at lunchtime.'], ['That gave me peace.', 'That helped.']]
	},
	trustHurt: {
		nl: [['Een liedje op de radio bracht alles terug.', 'Je was later dan gezegd.', 'Ik sliep slecht.', 'Een vraag bleef onbeantwoord.'], ['Het zakte weer.', 'Ik wil het er nog over hebben.']],
		en: [['A song on the radio brought it all back.', 'You were later than you said.', 'I slept badly.', 'A question stayed unanswered.'], ['It eased again.', 'I would still like to talk about it.']]
	},
	contactReason: {
		nl: [['Een gezamenlijke vergadering op het werk.', 'Een bericht dat ik niet had verwacht.', 'We kwamen elkaar tegen in de winkel.'], ['Ik heb het kort gehouden.', 'Ik heb gezegd dat ik geen contact wil.']],
		en: [['A meeting at work we both had to attend.', 'A message I did not expect.', 'We ran into each other in a shop.'], ['I kept it short.', 'I said that I do not want contact.']]
	},
	contactQuestion: {
		nl: [['Wat is er precies gezegd?', 'Hoe voelde je je daarna?', 'Waarom vertel je het me nu pas?'], ['Ik wil het gewoon begrijpen.', 'Neem je tijd.']],
		en: [['What exactly was said?', 'How did you feel afterwards?', 'Why are you only telling me now?'], ['I just want to understand.', 'Take your time.']]
	},
	answer: {
		nl: [
			['Het begon in het voorjaar, na dat project.', 'Ik heb het je niet verteld omdat ik bang was je kwijt te raken.', 'We spraken elkaar vooral via berichten.', 'Het is in oktober gestopt, en sindsdien is er geen contact meer.', 'Ik weet het niet precies meer, maar ik zoek het uit.'],
			['Vraag gerust verder.', 'Dat had ik eerder moeten zeggen.']
		],
		en: [
			['It started in the spring, after that project.', 'I did not tell you because I was afraid of losing you.', 'We mostly talked through messages.', 'It ended in October, and there has been no contact since.', 'I do not remember exactly, but I will find out.'],
			['Ask me anything else you need.', 'I should have said so sooner.']
		]
	},
	question: {
		nl: [['Wanneer begon het?', 'Wist iemand anders ervan?', 'Waarom juist toen?', 'Heb je ooit overwogen te stoppen?', 'Wat zocht je bij die ander?'], ['Ik wil het weten, ook als het moeilijk is.', 'Je hoeft niet meteen te antwoorden.']],
		en: [['When did it start?', 'Did anyone else know?', 'Why then, of all times?', 'Did you ever think of stopping?', 'What were you looking for with that person?'], ['I want to know, even if it is hard.', 'You do not have to answer straight away.']]
	},
	followUp: {
		nl: [['Dank je voor je antwoord.', 'Dat is nog niet helemaal wat ik bedoelde.'], ['Mag ik daar later op terugkomen?', 'Kun je er iets meer over zeggen?']],
		en: [['Thank you for answering.', 'That is not quite what I meant.'], ['May I come back to it later?', 'Could you say a little more?']]
	},
	accountEntry: {
		nl: [
			['We leerden elkaar kennen op een cursus.', 'Na een etentje met collega’s bleven we praten.', 'We zagen elkaar een paar keer per maand.', 'Ik heb toen gezegd dat ik op reis was voor mijn werk.', 'Ik heb het contact verbroken.'],
			['Daar heb ik gelogen.', 'Dat had ik je meteen moeten vertellen.', 'Zo is het gegaan.']
		],
		en: [
			['We met on a course.', 'After a dinner with colleagues we kept talking.', 'We saw each other a few times a month.', 'I said then that I was travelling for work.', 'I ended the contact.'],
			['I lied about that.', 'I should have told you right away.', 'That is how it happened.']
		]
	},
	memory: {
		nl: [['Samen ontbeten op het balkon.', 'Een lange wandeling langs het water.', 'We hebben weer eens hard gelachen.', 'Samen de kast opgeruimd en muziek gedraaid.', 'Een onverwacht bosje bloemen.'], ['Zo’n moment wil ik vaker.', 'Het voelde licht.', 'Even was alles gewoon.']],
		en: [['Breakfast together on the balcony.', 'A long walk along the water.', 'We laughed out loud again.', 'Sorted out the cupboard together with music on.', 'An unexpected bunch of flowers.'], ['I would like more moments like that.', 'It felt light.', 'For a while everything was ordinary.']]
	},
	decisionWhy: {
		nl: [['Ik zie dat we allebei ons best doen.', 'Ik weet het nog niet en wil niets forceren.', 'Ik denk dat we allebei beter af zijn apart.', 'Er is nog te veel pijn om nu te kiezen.'], ['Over een paar maanden kijk ik opnieuw.', 'Dat wil ik eerlijk zeggen.']],
		en: [['I can see we are both trying.', 'I do not know yet and do not want to force it.', 'I think we would both be better off apart.', 'There is still too much pain to choose now.'], ['I will look again in a few months.', 'I want to say that honestly.']]
	},
	transparency: {
		nl: [['Je mag mijn telefoon bekijken als je erom vraagt.', 'Mijn agenda staat voor je open.', 'Mijn locatie staat een tijdje aan.'], ['Alleen als we samen kijken.', 'Berichten van mijn familie blijven privé.']],
		en: [['You may look at my phone when you ask.', 'My calendar is open to you.', 'My location is on for a while.'], ['Only when we look together.', 'Messages from my family stay private.']]
	},
	declineReason: {
		nl: [['Dat voelt voor mij als te veel controle.', 'Nu nog niet.'], ['Kunnen we iets anders afspreken?', 'Laten we erover praten.']],
		en: [['That feels like too much control to me.', 'Not yet.'], ['Could we agree on something else?', 'Let us talk about it.']]
	},
	agreementNote: {
		nl: [['Na het eten, niet vlak voor het slapen.', 'Alleen als de kinderen er niet zijn.', 'We stoppen als een van ons het woord zegt.'], ['Zo houden we het veilig.', 'We kijken over een maand of het werkt.']],
		en: [['After dinner, not just before bed.', 'Only when the children are not around.', 'We stop when either of us says the word.'], ['That keeps it safe.', 'We will see in a month whether it works.']]
	},
	impactPoint: {
		nl: [['Ik slaap slecht sinds ik het weet.', 'Ik twijfel aan wat ik zelf zie en voel.', 'Ik schrik als je telefoon gaat.', 'Ik voel me minder waard.'], ['Dat wil ik dat je weet.', 'Het is nog elke dag zo.']],
		en: [['I have slept badly since I found out.', 'I doubt what I see and feel myself.', 'I flinch when your phone rings.', 'I feel worth less.'], ['I want you to know that.', 'It is still like that every day.']]
	},
	restitutionAnswer: {
		nl: [['Dat heb ik je aangedaan, en het spijt me.', 'Ik zie nu hoe diep dat gaat.', 'Je hoeft niet te raden: mijn telefoon ligt open.'], ['Ik blijf het je laten zien.', 'Zeg het me als het opnieuw gebeurt.']],
		en: [['I did that to you, and I am sorry.', 'I see now how deep it goes.', 'You do not have to guess: my phone is open to you.'], ['I will keep showing you.', 'Tell me when it happens again.']]
	},
	triggerCause: {
		nl: [['Een restaurant waar we vroeger kwamen.', 'Een bericht dat laat binnenkwam.', 'Een datum in de agenda.', 'Een film met een verhaal als het onze.'], ['Het kwam ineens op.', 'Ik had het niet verwacht.']],
		en: [['A restaurant we used to go to.', 'A message that came in late.', 'A date in the calendar.', 'A film with a story like ours.'], ['It came up all at once.', 'I did not see it coming.']]
	},
	preparedResponse: {
		nl: [['Ik blijf bij je en ik luister.', 'Ik stel geen vragen terug, ik ben er gewoon.'], ['Zeg maar wat je nodig hebt.', 'We nemen de tijd.']],
		en: [['I stay with you and I listen.', 'I do not ask anything back, I am just here.'], ['Tell me what you need.', 'We will take our time.']]
	},
	guideComment: {
		nl: [['Dit herken ik zo.', 'Dank voor dit artikel.', 'Het stuk over tempo hielp me.'], ['Het geeft me hoop.', 'Ik lees het nog eens met mijn partner.']],
		en: [['I recognise this so much.', 'Thank you for this article.', 'The part about pace helped me.'], ['It gives me hope.', 'I will read it again with my partner.']]
	}
} as const satisfies Record<string, Bilingual>;

export type TextKind = keyof typeof TEXT_PARTS;

/** All texts of a kind in one language, in a fixed order. */
export function textsOf(kind: TextKind, locale: 'nl' | 'en'): string[] {
	const [first, second] = TEXT_PARTS[kind][locale];
	return second.flatMap((b) => first.map((a) => `${a} ${b}`));
}

/** How many texts a kind has (the same in both languages). */
export function textCount(kind: TextKind): number {
	const [first, second] = TEXT_PARTS[kind].nl;
	return first.length * second.length;
}

export const APOLOGIES = {
	nl: [
		'Het spijt me. Ik ben vreemdgegaan en ik heb er maanden over gelogen. Ik heb je vertrouwen beschaamd en je pijn gedaan. Ik zal al je vragen eerlijk beantwoorden, in jouw tempo.',
		'Het spijt me als je je gekwetst voelt, maar het ging al lang niet goed tussen ons.',
		'Ik heb je bedrogen, en dat was mijn keuze. Niemand anders is daarvoor verantwoordelijk. Ik heb het contact verbroken en ik wil laten zien dat je weer op me kunt rekenen.',
		'Er zijn fouten gemaakt. Ik hoop dat we dit achter ons kunnen laten.'
	],
	en: [
		'I am sorry. I had an affair and I lied to you about it for months. I broke your trust and I hurt you. I will answer all your questions honestly, at your pace.',
		'I am sorry if you feel hurt, but things had not been good between us for a long time.',
		'I cheated on you, and it was my choice. No one else is responsible for it. I have ended the contact and I want to show you that you can rely on me again.',
		'Mistakes were made. I hope we can put this behind us.'
	]
} as const;

export const NAMES = {
	nl: ['Anouk', 'Bram', 'Charlotte', 'Daan', 'Eline', 'Floor', 'Gijs', 'Hanne', 'Ilse', 'Jeroen', 'Kim', 'Lotte', 'Maarten', 'Noor', 'Olivier', 'Pieter', 'Roos', 'Sanne', 'Thijs', 'Wout'],
	en: ['Alex', 'Beth', 'Chris', 'Dana', 'Ellis', 'Fiona', 'George', 'Hannah', 'Isaac', 'Jamie', 'Kate', 'Liam', 'Maya', 'Noah', 'Olivia', 'Priya', 'Ryan', 'Sam', 'Tom', 'Zoe']
} as const;

export const TIMEOUT_WORDS = { nl: ['pauze', 'adem', 'even niet', 'stop'], en: ['pause', 'breathe', 'not now', 'stop'] } as const;
