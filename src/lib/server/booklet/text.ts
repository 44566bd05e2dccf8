/**
 * The booklet "9 valkuilen bij relatieherstel" / "9 pitfalls in repairing a relationship": our own
 * text, both languages side by side so neither can be forgotten (the type demands both). The PDF
 * is typeset from this in pdf.ts; docs/booklet.md says how to change it.
 */
export type Locale = 'nl' | 'en';

export interface Pitfall {
	title: string;
	body: string[];
	/** What helps instead: one short paragraph, set apart in the PDF. */
	instead: string;
}

export interface BookletText {
	title: string;
	subtitle: string;
	fileName: string;
	intro: { heading: string; body: string[] };
	insteadLabel: string;
	pitfalls: Pitfall[];
	closing: { heading: string; body: string[] };
	help: { heading: string; body: string[] };
	colophon: string[];
	page: (n: number, of: number) => string;
}

export const BOOKLET: Record<Locale, BookletText> = {
	nl: {
		title: '9 valkuilen bij relatieherstel',
		subtitle: 'Wat het herstel na ontrouw vaak ongemerkt in de weg zit, en wat wel helpt',
		fileName: '9-valkuilen-bij-relatieherstel.pdf',
		intro: {
			heading: 'Voor je begint',
			body: [
				'Na ontrouw willen de meeste mensen maar één ding: dat de pijn ophoudt. Wie vreemdging, wil het zo snel mogelijk goedmaken. Wie bedrogen werd, wil weten wat er echt gebeurde en of er nog iets te redden valt. Juist die haast maakt dat stellen in dezelfde kuilen trappen.',
				'Dit boekje beschrijft negen valkuilen die we telkens terugzien, en bij elke valkuil wat je in de plaats kunt doen. Het is geschreven voor allebei: sommige valkuilen horen vooral bij wie vreemdging, andere bij wie gekwetst is, de meeste bij jullie samen.',
				'Niemand ontloopt ze allemaal. Herken je jezelf, dan is dat geen bewijs dat het mislukt. Het is een plek om bij te sturen.'
			]
		},
		insteadLabel: 'Wat wel helpt',
		pitfalls: [
			{
				title: 'De waarheid in stukjes vertellen',
				body: [
					'Uit schaamte of uit angst om nog meer pijn te doen, vertellen veel mensen eerst een deel. Een week later komt er een bericht boven water, een maand later een afspraak die ook al bestond. Elke nieuwe onthulling voelt voor de gekwetste partner als een tweede ontdekking, en vaak als erger dan de eerste: niet alleen door wat er gebeurde, maar omdat er opnieuw gelogen werd.',
					'Het vertrouwen dat langzaam terugkwam, valt dan telkens weer naar nul.'
				],
				instead:
					'Vertel wat ertoe doet in één keer, ook wat je liever zou verzwijgen. Heb je iets nog niet gezegd, zeg dan dat er nog iets is, in plaats van te wachten tot het uitkomt. Intieme details hoeven niet; de feiten wel: wat, met wie, hoe lang, en of het voorbij is.'
			},
			{
				title: 'Uitleggen voor je erkent',
				body: [
					'"Het spijt me, maar je weet hoe het tussen ons ging." Zodra er een "maar" komt, hoort de ander geen spijt meer, alleen een verdediging. Dat geldt ook voor verklaringen die kloppen: er waren misschien echte problemen in jullie relatie, en daar moet het later ook over gaan. Alleen niet nu, en niet als reden.',
					'Wie eerst uitlegt, vraagt de gekwetste partner om begrip op het moment dat die zelf begrip nodig heeft.'
				],
				instead:
					'Erken eerst, zonder voorwaarden: wat je deed, dat het jouw keuze was, en wat het met de ander gedaan heeft. Spreek in de ik-vorm en wees concreet. Het gesprek over wat er meespeelde, komt later, als jullie er allebei aan toe zijn.'
			},
			{
				title: 'Vergeving op een termijn willen',
				body: [
					'Na een paar weken eerlijke gesprekken voelt het voor wie vreemdging vaak alsof het genoeg is geweest. "Kunnen we er nu niet over ophouden?" Voor de gekwetste partner is het dan vaak nog maar net begonnen. Herstel na ontrouw duurt eerder jaren dan maanden, en wie aandringt, zet de klok terug.',
					'Vergeving laat zich niet afdwingen. Onder druk wordt ze hooguit gespeeld.'
				],
				instead:
					'Laat de gekwetste partner het tempo bepalen. Vraag niet wanneer het over is, maar wat de ander vandaag nodig heeft. Reken op een lange adem, en zie elke vraag die nog komt als een teken dat de ander het nog probeert, niet als een terugval.'
			},
			{
				title: 'Een deur op een kier laten',
				body: [
					'"Ik kan toch niet zomaar alle contact verbreken." Een vriendelijk berichtje om het netjes af te sluiten, een koffie om uit te leggen waarom het stopt, af en toe een like. Voor wie het doet, voelt het als fatsoen. Voor de gekwetste partner is het een teken dat de affaire nog een plek heeft.',
					'Zolang er geheim contact is, kan er geen vertrouwen groeien, hoe goed de rest ook loopt.'
				],
				instead:
					'Maak een duidelijk einde aan het contact, bij voorkeur zo dat je partner weet hoe en wanneer. Is contact onvermijdelijk, bijvoorbeeld op het werk, houd het zakelijk en vertel het uit jezelf, voordat je partner ernaar moet vragen.'
			},
			{
				title: 'Beloven in plaats van doen',
				body: [
					'Grote woorden kosten na ontrouw weinig en wegen nog minder. "Het zal nooit meer gebeuren" is wat de gekwetste partner wil horen, en tegelijk precies wat die niet meer kan geloven. Vertrouwen komt niet terug door wat er gezegd wordt, maar door wat er week na week gebeurt.',
					'Een belofte die niet wordt nagekomen, hoe klein ook, weegt zwaarder dan tien die wel worden gehouden.'
				],
				instead:
					'Spreek kleine, concrete dingen af die je echt kunt waarmaken: laten weten waar je bent, op tijd thuis, een vast moment in de week om te praten. Houd ze vol, ook als niemand controleert. Consequent gedrag zegt meer dan elke verklaring.'
			},
			{
				title: 'De martelaar of de rechter worden',
				body: [
					'Wie vreemdging, kan doorslaan naar zelfbestraffing: eindeloos zeggen hoe slecht je bent, instorten bij elk verwijt. Dan moet de gekwetste partner jou opvangen, terwijl die zelf de klap kreeg. Omgekeerd kan wie gekwetst is, vast komen te zitten in de rol van rechter, waarin elk gesprek een verhoor wordt en er geen uitweg meer is.',
					'Beide rollen zijn begrijpelijk, en beide houden jullie vast in dader en slachtoffer.'
				],
				instead:
					'Neem verantwoordelijkheid zonder jezelf kapot te maken: spijt betuigen, luisteren, en dan doen wat je zei. Zoek voor je eigen schuldgevoel steun bij iemand anders dan je partner. En kijk samen, op den duur, naar het verhaal van jullie als stel: wat willen jullie anders doen?'
			},
			{
				title: 'Controle verwarren met vertrouwen',
				body: [
					'Na een ontdekking is de neiging groot om alles te willen zien: de telefoon, de berichten, de locatie. Dat is menselijk. Maar controleren geeft zelden rust. Elk bericht dat je niet kunt plaatsen, voedt nieuwe twijfel, en wie gecontroleerd wordt, gaat zich een verdachte voelen in plaats van een partner die iets goed wil maken.',
					'Spionage-apps en stiekem meelezen maken het erger, en kunnen bovendien strafbaar zijn.'
				],
				instead:
					'Maak van openheid iets dat wordt aangeboden, niet afgedwongen. Spreek samen af wat gedeeld wordt, hoe lang, en waar de grenzen liggen, en kijk na een tijd of het nog nodig is. Wie vreemdging, kan veel zorgen wegnemen door uit zichzelf te vertellen wat de ander anders zou willen nagaan.'
			},
			{
				title: 'Het alleen willen oplossen',
				body: [
					'Veel stellen schamen zich en houden alles binnenskamers. Anderen vertellen het juist aan iedereen, en hebben dan een kring van mensen met een mening. In het eerste geval draag je alles samen, terwijl je elkaar op dit moment het minst kunt dragen. In het tweede geval wordt herstel iets dat anderen beoordelen.',
					'Therapeuten die met stellen na ontrouw werken, hebben een aanpak die in onderzoek veel stellen verder hielp.'
				],
				instead:
					'Zoek een relatietherapeut met ervaring met ontrouw; je huisarts kan je doorverwijzen. Kies daarnaast elk een of twee mensen die je vertrouwt en die jullie allebei het goede gunnen. En zorg ook voor jezelf: slaap, beweging, en momenten waarop het niet over de affaire gaat.'
			},
			{
				title: 'Te snel beslissen',
				body: [
					'In de eerste weken na een ontdekking lijken er maar twee uitwegen: meteen vertrekken, of doen alsof er niets gebeurd is. Beide zijn beslissingen uit paniek. Wie in de eerste crisis het huis verkoopt of alles toedekt, neemt een besluit dat later moeilijk terug te draaien is.',
					'Therapeuten raden af om in die eerste storm definitieve keuzes te maken.'
				],
				instead:
					'Geef jezelf en elkaar tijd voor een weloverwogen keuze. Spreek eventueel af hoe lang jullie het samen proberen voor jullie opnieuw kijken. En weet dat uit elkaar gaan, zorgvuldig en met respect, ook een goede uitkomst kan zijn. Herstel betekent niet altijd samen blijven.'
			}
		],
		closing: {
			heading: 'Tot slot',
			body: [
				'Herstel na ontrouw vraagt iets van jullie allebei, maar niet hetzelfde. Wie vreemdging, draagt de verantwoordelijkheid voor eerlijkheid en voor daden die keer op keer kloppen. Wie gekwetst is, bepaalt het tempo en beslist zelf of en wanneer er ruimte is voor vergeving.',
				'Herstelpad is een gratis, privé hulpmiddel voor die weg: een programma voor elk van jullie, een coach bij het schrijven van excuses, en een plek waar je zelf bepaalt wat je deelt. Je kunt alleen beginnen.'
			]
		},
		help: {
			heading: 'Ben je niet veilig?',
			body: [
				'Gaat ontrouw samen met angst, bedreiging, controle of geweld, dan gaat jouw veiligheid voor alles, ook voor herstel. Nederland: 112 bij gevaar, Veilig Thuis 0800-2000 (gratis, dag en nacht), 113 Zelfmoordpreventie 0800-0113. België: 112, 1712 (geweld en misbruik, gratis), Zelfmoordlijn 1813. Woon je elders, zoek dan de hulplijnen in jouw land.'
			]
		},
		colophon: [
			'Geschreven door de redactie van Herstelpad. Dit boekje vervangt geen therapie of medisch advies.',
			'Vrij te delen in ongewijzigde vorm.'
		],
		page: (n, of) => `${n} / ${of}`
	},
	en: {
		title: '9 pitfalls in repairing a relationship',
		subtitle: 'What often gets in the way of recovery after infidelity, and what helps instead',
		fileName: '9-pitfalls-in-repairing-a-relationship.pdf',
		intro: {
			heading: 'Before you begin',
			body: [
				'After infidelity most people want one thing: for the pain to stop. The partner who was unfaithful wants to make it right as fast as possible. The partner who was betrayed wants to know what really happened and whether anything can be saved. That very haste is what leads couples into the same pits.',
				'This booklet describes nine pitfalls we see again and again, and for each one what you can do instead. It is written for both of you: some pitfalls belong mostly to the one who was unfaithful, some to the one who was hurt, most to the two of you together.',
				'Nobody avoids them all. If you recognise yourself, that is no proof that it will fail. It is a place to change course.'
			]
		},
		insteadLabel: 'What helps instead',
		pitfalls: [
			{
				title: 'Telling the truth in instalments',
				body: [
					'Out of shame, or fear of causing more pain, many people tell part of the story first. A week later a message surfaces, a month later a meeting that also happened. To the hurt partner each new revelation feels like a second discovery, and often a worse one: not only because of what happened, but because there was lying again.',
					'The trust that was slowly coming back drops to zero every time.'
				],
				instead:
					'Tell what matters at once, including what you would rather keep quiet. If there is something you have not said yet, say that there is more, instead of waiting until it comes out. Intimate details are not needed; the facts are: what, with whom, for how long, and whether it is over.'
			},
			{
				title: 'Explaining before acknowledging',
				body: [
					'"I am sorry, but you know how things were between us." As soon as a "but" arrives, the other person no longer hears regret, only a defence. That holds even for explanations that are true: there may have been real problems in your relationship, and they will need talking about later. Just not now, and not as a reason.',
					'Explaining first asks the hurt partner for understanding at the very moment they need it themselves.'
				],
				instead:
					'Acknowledge first, without conditions: what you did, that it was your choice, and what it did to the other person. Speak for yourself and be specific. The conversation about what contributed comes later, when you are both ready for it.'
			},
			{
				title: 'Wanting forgiveness on a schedule',
				body: [
					'After a few weeks of honest conversations, the partner who was unfaithful often feels it has been enough. "Can we stop talking about it now?" For the hurt partner it has often only just begun. Recovery after infidelity takes years rather than months, and pushing turns the clock back.',
					'Forgiveness cannot be forced. Under pressure it is at best performed.'
				],
				instead:
					'Let the hurt partner set the pace. Do not ask when it will be over; ask what they need today. Expect a long road, and see every question that still comes as a sign that they are still trying, not as a setback.'
			},
			{
				title: 'Leaving a door ajar',
				body: [
					'"I cannot just cut off all contact." A friendly message to end it properly, a coffee to explain why it stops, a like now and then. To the one doing it, it feels like decency. To the hurt partner it is a sign that the affair still has a place.',
					'As long as there is secret contact, trust cannot grow, however well everything else goes.'
				],
				instead:
					'Make a clear end to the contact, preferably in a way your partner knows about. If contact cannot be avoided, at work for example, keep it businesslike and mention it yourself, before your partner has to ask.'
			},
			{
				title: 'Promising instead of doing',
				body: [
					'After infidelity, big words cost little and weigh even less. "It will never happen again" is what the hurt partner wants to hear, and exactly what they can no longer believe. Trust does not come back through what is said, but through what happens week after week.',
					'One promise that is broken, however small, weighs more than ten that are kept.'
				],
				instead:
					'Agree on small, concrete things you can really keep: letting them know where you are, coming home on time, a set moment in the week to talk. Keep them up, also when nobody is checking. Consistent behaviour says more than any declaration.'
			},
			{
				title: 'Becoming the martyr or the judge',
				body: [
					'The partner who was unfaithful can tip into self-punishment: saying over and over how bad they are, falling apart at every reproach. Then the hurt partner has to look after them, while they themselves took the blow. The other way round, the hurt partner can get stuck as the judge, where every conversation becomes an interrogation with no way out.',
					'Both roles are understandable, and both keep you stuck as culprit and victim.'
				],
				instead:
					'Take responsibility without destroying yourself: express regret, listen, and then do what you said. Find support for your own guilt with someone other than your partner. And in time, look together at your story as a couple: what do you want to do differently?'
			},
			{
				title: 'Mistaking control for trust',
				body: [
					'After a discovery the urge to see everything is strong: the phone, the messages, the location. That is human. But checking rarely brings peace. Every message you cannot place feeds new doubt, and the one being checked starts to feel like a suspect instead of a partner trying to make amends.',
					'Spyware and secretly reading along make it worse, and can also be against the law.'
				],
				instead:
					'Make openness something that is offered, not extracted. Agree together what is shared, for how long, and where the limits are, and check after a while whether it is still needed. The partner who was unfaithful can take away much worry by telling, unasked, what the other would otherwise want to check.'
			},
			{
				title: 'Trying to solve it alone',
				body: [
					'Many couples feel ashamed and keep everything behind closed doors. Others tell everyone, and end up with a circle of people who all have an opinion. In the first case you carry it all together, at the moment you are least able to carry each other. In the second, recovery becomes something others judge.',
					'Therapists who work with couples after infidelity have an approach that, in research, helped many couples forward.'
				],
				instead:
					'Look for a couples therapist who knows about infidelity; your doctor can refer you. Besides that, each choose one or two people you trust and who wish you both well. And look after yourself too: sleep, exercise, and moments when it is not about the affair.'
			},
			{
				title: 'Deciding too fast',
				body: [
					'In the first weeks after a discovery there seem to be only two ways out: leave at once, or act as if nothing happened. Both are decisions made in panic. Selling the house or covering everything up in the first crisis is a choice that is hard to undo later.',
					'Therapists advise against permanent decisions in that first storm.'
				],
				instead:
					'Give yourself and each other time for an informed choice. If it helps, agree how long you will try together before you look again. And know that parting, carefully and with respect, can also be a good outcome. Repair does not always mean staying together.'
			}
		],
		closing: {
			heading: 'Finally',
			body: [
				'Recovery after infidelity asks something of both of you, but not the same thing. The partner who was unfaithful carries the responsibility for honesty and for deeds that hold, time after time. The hurt partner sets the pace and decides whether and when there is room for forgiveness.',
				'Herstelpad is a free, private tool for that road: a programme for each of you, a coach for writing an apology, and a place where you decide what you share. You can start alone.'
			]
		},
		help: {
			heading: 'Are you not safe?',
			body: [
				'If infidelity goes together with fear, threats, control or violence, your safety comes before everything, repair included. Netherlands: 112 in danger, Veilig Thuis 0800-2000 (free, day and night). Belgium: 112, 1712 (violence and abuse, free). UK: 999, National Domestic Abuse Helpline 0808 2000 247. Ireland: 112 or 999, Women’s Aid 1800 341 900. US: 911, National Domestic Violence Hotline 1-800-799-7233. Elsewhere, look up the help lines where you live.'
			]
		},
		colophon: ['Written by the Herstelpad editorial team. This booklet does not replace therapy or medical advice.', 'Free to share unchanged.'],
		page: (n, of) => `${n} / ${of}`
	}
};
