import { retext } from 'retext';
import retextDutch from 'retext-dutch';
import retextEnglish from 'retext-english';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { analyzeApology, detectLanguage, MAX_APOLOGY_LENGTH, RULE_IDS, RULE_INFO, type CoachLanguage, type RuleId } from './index';
import blameShift from './rules/blame-shift';
import butApology from './rules/but-apology';
import nlData from './data/nl/index';
import enData from './data/en/index';

function ids(text: string, lang: CoachLanguage): RuleId[] {
	return analyzeApology(text, { lang }).findings.map((finding) => finding.ruleId);
}

/** Each pattern rule: sentences that must fire it and near-misses that must not, in both languages. */
const CASES: Record<string, Record<CoachLanguage, { fires: string[]; clean: string[] }>> = {
	'blame-shift': {
		nl: {
			fires: ['Ik ging vreemd omdat jij nooit thuis was.', 'Als je meer aandacht had gegeven, was het niet gebeurd.', 'Het kwam door jou.', 'Gij waart er nooit.', 'Het is ook jouw schuld.', 'Als gij niet altijd zo kil waart geweest, was dit nooit gebeurd.', 'Door jouw constante kritiek zocht ik het elders.', 'Jij was weer eens het hele weekend weg, dus ik voelde me aan de kant gezet.', 'Jij was altijd zo afstandelijk, daardoor ging ik het ergens anders zoeken.', 'Als jij niet altijd met je werk bezig was geweest, had ik nooit naar iemand anders gekeken.', 'Als jij na de geboorte van onze zoon nog een beetje oog voor mij had gehad, was ik nooit bij hem uitgekomen.', 'Had jij me niet zo verwaarloosd, dan was ik nooit in haar armen beland.', 'Jij zat de laatste maanden alleen nog maar met je neus in je werk, en daardoor ben ik bij een ander gaan zoeken.', 'Je zat de hele tijd op je telefoon, dus ik ging ergens anders aandacht zoeken.', 'Jij was er gewoon nooit.', 'Ge zijt er haast nooit.', 'Jij liet me me jarenlang onzichtbaar voelen.', 'Je was al maanden zo koud tegen me dat ik me thuis nergens meer welkom voelde.', 'Met al dat gezeur van jou over het huishouden was thuiskomen een straf geworden.', 'Al die kritiek van u maakte me gek.', 'Je bent sinds de bevalling twintig kilo aangekomen.', 'Dus ergens snap je het toch wel.', 'Jij koos altijd voor je moeder.', 'Bij haar vond ik iemand die me wel zag.', 'Ge kunt het me toch moeilijk kwalijk nemen.', 'Maar sinds de tweeling er is, kijk je me gewoon niet meer aan, en dan ga je het vanzelf ergens anders zoeken.', 'Als je thuis niks krijgt, ga je het elders zoeken.', 'Het spijt me, maar jij was al maanden alleen met je werk bezig en ik voelde me zo eenzaam in dit huis.', 'Als jij niet altijd zo kil tegen me deed, had ik daar ook geen behoefte aan gehad.', 'Zij gaf me tenminste het gevoel dat ik gewild werd, wat jij al jaren niet doet.', 'Hij luisterde naar me, wat gij nooit meer deed.', 'Na drie jaar waarin jij elke avond liever met je vriendinnen appte dan met mij praatte, moet je niet doen alsof dit uit het niets kwam.', 'Je moet niet doen alsof dit zomaar gebeurd is.', 'Je hebt me zo vaak beschuldigd dat ik op een gegeven moment dacht: dan doe ik het ook maar.', 'Ge hebt mij zo lang gewantrouwd dat ik het uiteindelijk echt gedaan heb.'],
			clean: ['Jij verdiende de waarheid.', 'Ik vertel het omdat je het verdient.', 'Het is niet jouw schuld.', 'Als je wilt praten, ben ik er.', 'Als ik eerlijk was geweest, was het nooit zover gekomen.', 'Door jou besef ik wat ik bijna kwijt ben.', 'Jij was weg, dus ik heb je een brief geschreven.', 'Jij was zo verdrietig, daardoor besefte ik wat ik had gedaan.', 'Als jij het niet had ontdekt, had ik het je nooit verteld, en dat is laf.', 'Jij zat op je werk toen ik het je vertelde, dus ik heb je later gebeld.', 'Jij was er nog nooit geweest, dus ik nam haar mee naar dat hotel.', 'Ik weet dat ik je eenzaam heb laten voelen.', 'Ik begrijp dat dat het nog erger maakt, omdat je haar elke week op het schoolplein ziet.', 'Ik heb je het gevoel gegeven dat je er niet meer toe deed.', 'Jij was zo sterk voor de kinderen dat ik me diep schaam.', 'Jij was zo druk met de verbouwing dat ik je niets durfde te vertellen, en dat was laf van mij.', 'Ik snap dat je kritiek hebt op mij.', 'Ik hoop dat je het ooit begrijpt.', 'Jij koos altijd voor ons gezin, en ik niet.', 'Ik weet dat je door de stress vijf kilo bent afgevallen.', 'Je kunt het me kwalijk nemen, en terecht.', 'Ik snap dat jij nu liever bij je moeder bent dan bij mij.', 'Ik ga niet doen alsof dit uit het niets kwam.', 'Je hebt me terecht verdacht.', 'Ik deed iets wat jij nooit zou doen.', 'Jij was bij je moeder en ik voelde me schuldig.', 'Ik heb het account verwijderd en vanaf nu mag je altijd mijn telefoon pakken.', 'Als je wilt, kun je ergens anders gaan wonen.', 'Als jij het niet had ontdekt, had ik het je nooit verteld.']
		},
		en: {
			fires: ['I cheated because you never listened.', 'You made me do it.', 'If you had been home more, this would not have happened.', "It's partly your fault.", 'Had you been there for me, none of this would have happened.', "You'd been so distant for months that I didn't feel like I had a partner.", "if you'd actually wanted me around maybe i wouldn't have gone looking.", "If you'd paid me any attention I wouldn't have strayed.", "You left me feeling invisible for years, and that's why I started sleeping with Rob.", 'You let me feel unwanted for months.', "But you've been married to your job for two years.", 'Two years of you turning away from me every night would push anyone to it.', 'You can hardly blame me.', "You can't really blame me after how you treated me.", 'I found someone who actually listened to me.', "You've put on so much weight since the baby.", 'But honestly, you spent two years treating me like a roommate, and a person can only take so much of that before they look elsewhere.', "You'd been shutting me out since the miscarriage and I was drinking every night just to cope.", 'You were pushing me away for months.', "She made me feel wanted, which you haven't done in years.", 'He listened to me, something you never do.', "Don't act like this came out of nowhere.", 'Anyone can only take so much rejection.'],
			clean: ['You deserved the truth.', 'I tell you because you deserve honesty.', "It's not your fault.", 'You made me so happy for years.', "I know you've been so distant since you found out, and I understand.", 'You were away, so I wrote you this letter.', 'If you ever want to know more, just ask.', "If you'd like, I'll show you all the messages.", 'I know I left you feeling alone.', 'You made me feel so loved, and I threw it away.', "I've been married to you for twenty years.", 'What I did would drive anyone crazy.', 'You can blame me for all of it.', 'Years of your trust, and I threw them away.', 'You made me feel young again, and I threw that away.', 'You were so kind to me that I feel even worse.', "I know you'll shut me out now, and you have every right to.", 'You have every right to shut me out.', 'I treated you like a stranger.', 'You treat me like a king and I threw it away.', "I won't pretend this came out of nowhere.", 'I broke your trust, something you never did to me.', 'I know you can only take so much.']
		}
	},
	'conditional-apology': {
		nl: {
			fires: ['Het spijt me als ik je pijn heb gedaan.', 'Sorry dat je je zo voelt.', 'Mocht ik je gekwetst hebben, dan spijt me dat.', 'Als je door mijn gedrag aan jezelf twijfelt, dan spijt me dat.', 'Het spijt me als ik je pijn heb gedaan, maar ik was eenzaam.'],
			clean: ['Het spijt me dat ik je pijn heb gedaan.', 'Het spijt me. Als je wilt praten, ben ik er.', 'Als je dit leest, wil ik zeggen dat het me spijt.', 'Ik heb er spijt van, ook als je me nooit vergeeft.', 'Het spijt me, maar als jij niet altijd weg was geweest, was dit nooit gebeurd.']
		},
		en: {
			fires: ["I'm sorry if I hurt you.", 'Sorry you feel that way.', 'I apologize if that upset you.', 'If you doubt yourself because of me, then I regret that.', "I'm sorry if I hurt you, but you were never home."],
			clean: ["I'm sorry that I hurt you.", "I'm sorry. If you want to talk, I'm here.", "I'm sorry, even if you never forgive me.", "If you need space, I understand, and I'm sorry.", "I'm sorry, but if you had been home more this would never have happened."]
		}
	},
	'but-apology': {
		nl: {
			fires: ['Het spijt me, maar ik was eenzaam.', 'Sorry maar het is gebeurd.'],
			clean: ['Het spijt me. Maar ik weet dat woorden niet genoeg zijn.', 'Het spijt me niet alleen om de affaire, maar ook om de leugens.', 'Ik weet het niet, maar het spijt me.']
		},
		en: {
			fires: ["I'm sorry, but you were never home.", 'I apologize, however I was stressed.'],
			clean: ["I'm sorry. But I know words are not enough.", "I don't know if you can forgive me, but I'm sorry."]
		}
	},
	minimizing: {
		nl: {
			fires: ['Het was maar één keer.', 'Het betekende niets.', 'Sorry voor mijn slippertje.', 'Het stelde niks voor.', 'Voor mij was het een uitschuiver die niks voorstelde.', 'Het was een zoen die weinig voorstelde.', 'ik heb met iemand gezoend. was niks, een paar minuten.', 'Er is iets misgegaan op een feestje, meer niet.', 'Het was niet meer dan een kus.', 'Het was een kus en niets meer.', 'Het is niet alsof ik met hem naar bed ben geweest.', 'Het is ook niet zo dat ik een relatie met haar had.', 'Andere mensen leiden jarenlang een dubbelleven; dit was een zoen.', 'Dat met Thijs moet je niet groter maken dan het is.', 'Probeer het een beetje in verhouding te zien.', 'Maar kom op, het was twee tellen, nauwelijks de moeite van het noemen waard.', 'Het duurde maar een paar minuten.', 'Eerlijk gezegd kwamen er geen gevoelens bij kijken, het was puur zakelijk.', 'Het was puur fysiek.'],
			clean: ['Ik ga niet doen alsof het niets betekende.', "Het was niet 'maar een kus'.", 'Ik kan me niets voorstellen dat erger is dan wat ik je heb aangedaan.', 'Ik zal niet zeggen dat het niks voorstelde.', 'Het was geen uitschuiver, het was een keuze.', 'Het is niet meer dan normaal dat je boos bent.', 'Ik wil niets meer dan je vertrouwen terugwinnen.', 'Ik weet dat het veel meer was dan een slippertje.', 'Ik heb niets meer te verbergen, en niets meer te verzwijgen.', 'Ik ga niet doen alsof ik niet met hem naar bed ben geweest.', 'Het is niet zo dat ik het niet wil.', 'Andere stellen zijn ook door een affaire heen gekomen, en dat hoop ik voor ons.', 'Ik wil het niet kleiner maken dan het is.', 'Hij bleef me maar berichten sturen.', 'Het duurde twee jaar.', 'Het is de moeite waard om voor ons te vechten.', 'Ik ga niet zeggen dat er geen gevoelens bij kwamen kijken.', 'Het was niet puur fysiek, en dat maakt het erger.']
		},
		en: {
			fires: ['It was just a kiss.', "It didn't mean anything.", "It's no big deal.", 'It was only once.', "I'm not going to lie, it didn't mean anything.", 'It was just a bit of flirting online, nothing physical ever happened.', 'Nothing sexual ever happened between us.', 'It was a kiss and nothing more.', 'It was nothing more than a fling.', "It's not like I went home with him, though.", "It's not as if we slept together.", 'Please try to keep it in proportion.', 'Other guys do far worse.', "Don't make it bigger than it is.", 'It was a dumb thirty-second thing.', "It was purely physical. She was wilder than you've ever been, that's all it was about.", 'It only lasted a few minutes.'],
			clean: ["I won't pretend it meant nothing.", "It wasn't just a kiss.", "I'm not going to tell you it was just a mistake or that it didn't mean anything.", "I won't pretend that nothing physical happened.", 'It was more than just a bit of flirting.', 'I want nothing more than to earn back your trust.', "I told her it's over, and nothing more will happen.", "I won't pretend it's not like I slept with him.", 'Other couples have survived affairs, and I hope we can too.', "I'm not asking you to keep it in proportion.", "It's not like me to lie, and yet I did.", "It wasn't purely physical.", "That's all I wanted to say.", 'It lasted two years.']
		}
	},
	justification: {
		nl: {
			fires: ['Ik was dronken.', 'Ik voelde me eenzaam.', 'Ik wist niet wat ik deed.', 'Het kwam door de stress.', 'Ge moet begrijpen dat ik die avond mezelf niet was.', 'Ik had net mijn job verloren.', 'Ik had te veel bier op.', 'Omdat ik te veel pintjes op had, ging het mis.', 'Ik was al weken alleen in dat hotel.', 'Ik snakte naar aandacht.', 'Het komt doordat ik van huis uit nooit heb geleerd om trouw te zijn.', 'Ik heb dat patroon van mijn vader gewoon overgenomen.', 'Zonder die coke had ik dat nooit gedaan.', 'Ik zat die week zo vol stress dat ik nergens meer bij stilstond.', 'Hij bleef me maar berichten sturen, en op een gegeven moment kon ik er geen weerstand meer aan bieden.', 'Vijftig worden raakte me harder dan ik dacht.', 'Ze gaf me het gevoel dat ik weer jong was.', 'Iedereen zat stomdronken, de jongens daagden me uit en ik had gewoon geen controle meer over mezelf.', 'Ik was die week zo eenzaam en onzeker, ik wist gewoon niet meer wie ik was.', 'Ze gaf me het gevoel dat ik weer jong was.'],
			clean: ['Ik was niet dronken.', 'Ik wist precies wat ik deed.', 'Ik zeg niet dat ik mezelf niet was.', 'Ik heb mijn baan verloren door wat ik deed, en dat is mijn eigen schuld.', 'Ik had niet te veel op, ik wist wat ik deed.', 'Ik was weken alleen met dit geheim.', 'Ik snak naar jou.', 'Van huis uit heb ik geleerd dat eerlijkheid belangrijk is.', 'Ik wil dat patroon doorbreken.', 'Zonder jou had ik dit nooit overleefd.', 'Ik bleef haar berichten sturen.', 'Ik ben vorige maand vijftig geworden en wilde dat met jou vieren.', 'Ik was dronken, maar ik ga me daar niet achter verschuilen.', 'Hij bleef me berichten sturen en ik heb telkens geantwoord; dat was mijn eigen keuze.', 'Mijn vader ging ook vreemd en ik heb altijd gezworen dat ik nooit zo zou worden.', 'Je was zo verdrietig dat ik niet wist wat ik moest zeggen.', 'Ik ga niet zeggen dat ik geen controle had over mezelf.', 'Ik heb u ook eenzaam gemaakt in uw eigen huis.', 'Zij gaf me tenminste het gevoel dat ik gewild werd, wat jij al jaren niet doet.', 'Ik wist precies wie ik was en wat ik deed.']
		},
		en: {
			fires: ['I was drunk.', "I'd been drinking.", "I couldn't help it.", 'I felt so lonely.', 'Work was crushing me and I just couldn’t help myself.', "I'd been alone for weeks on that project and I was desperate for someone to talk to.", "I'd just lost my job.", 'I had too many beers.', 'Turning fifty hit me harder than I admitted to anyone.', 'She made me feel young again.', "I'd had about eight pints and I barely remember it.", 'Without the coke I would never have done it.', 'The way I was brought up, cheating was normal.', 'I was never taught how to be faithful.', 'He kept texting me and eventually I gave in.', "You'd been shutting me out and I was drinking every night just to cope.", "I'd lost my job, I was drinking, I barely knew what day it was.", 'My friends dared me and I had no control over myself.'],
			clean: ["I wasn't drunk.", 'I knew exactly what I was doing.', "I couldn't help noticing you were crying.", 'The guilt is crushing me.', "I'm desperate for you to forgive me.", 'I lost my job because of what I did.', 'I was alone with my guilt for weeks.', "I'd had a few, but I'm not going to hide behind that.", 'I had three beers with my brother after I told him.', "I'm sorry I ruined your fiftieth birthday.", 'Without you I would never have made it.', 'I kept texting her.', "My dad cheated too, and I swore I'd never be like him.", "I won't say I had no control over myself.", "I'd lost your trust long before that.", 'I know exactly what day it was.']
		}
	},
	'intimate-detail': {
		nl: {
			fires: ['De seks was beter.', 'Zij is mooier dan jij.', 'Hij is beter in bed.', 'Ik ben met Roel naar bed geweest, drie keer bij hem thuis, op de bank en onder de douche.', 'We hebben het drie keer gedaan en hij wist precies hoe hij me moest aanraken.', 'In bed was het met haar spannender dan het bij ons de laatste jaren is geweest.', 'Het was met hem spannender dan het bij ons ooit was.', 'Ze had haar handen overal.', 'Ze deed dingen met haar mond die jij nooit doet.', 'Met haar was ik in bed eindelijk weer iemand.'],
			clean: ['Ik heb met een collega geslapen.', 'Niemand is mooier dan jij.', 'Ik heb op de bank geslapen die nacht.', 'Ik heb met hem geslapen en ik slaap nu op de bank.', 'Hij wist precies wat ik wilde horen, en daar ben ik ingetrapt.', 'Ik wil dat het thuis beter wordt dan het bij ons ooit was.', 'Het was niet spannender dan bij ons.', 'Ik had mijn handen vol aan de kinderen.', 'Ik lag met hem in bed toen je belde.']
		},
		en: {
			fires: ['The sex was amazing.', 'She was better in bed.', 'He is more attentive than you.', 'We had sex in the shower and on the couch.', "She was gorgeous, honestly sexier than anyone I've been with, you included.", "It was the best sex I've ever had.", 'He knew exactly how to touch me.', 'Her hands were all over me.', 'She did things with her tongue.', "With him it was passionate in a way we haven't been in years.", 'It was exciting like we never were.'],
			clean: ['I slept with a coworker.', 'Nobody is better than you.', "I'm sorry I slept with him; I'll sleep on the sofa until you decide.", 'He knew exactly what to say to get me to trust him.', "I know you're better than anyone I've been with, and I threw it away.", "You're the best thing that ever happened to me.", 'I had my hands full at work.', "I want us to be close again, in a way we haven't been in years."]
		}
	},
	'forgiveness-pressure': {
		nl: {
			fires: ['Je moet me vergeven.', 'Kunnen we het nu vergeten?', 'Ik wil dat je me binnen een week vergeeft.', 'Laten we er een streep onder zetten.', 'Ik wil wel dat we hier na de vakantie een punt achter zetten.', 'Ik ga eraan werken, maar je moet me echt een kans geven.', 'Dan moet je me ook een nieuwe kans geven.', 'Geef me nou gewoon een kans.', 'Of je vergeeft het me voor het eind van de maand, of ik ga weg.', 'Ik wil dat we dit vóór de zomervakantie afsluiten.', 'Op een gegeven moment moet het ophouden.', 'Ik ga niet elke avond opnieuw op mijn knieën zitten.', 'Gebeurd is gebeurd.', 'Als je me niet vergeeft, ga ik weg.', 'Kunnen we het er nu alsjeblieft niet meer over hebben?', 'Het is al twee weken geleden.'],
			clean: ['Ik hoop dat je me ooit kunt vergeven.', 'Je hoeft me niet te vergeven.', 'Ik verwacht niet dat je me vergeeft.', 'Ik hoop dat we er ooit samen een punt achter kunnen zetten.', 'Ik heb na de vakantie een punt achter het contact met haar gezet.', 'Ik hoop dat je me ooit een kans wilt geven.', 'Ik moet je een kans geven om boos te zijn.', 'Je moet me geen nieuwe kans geven als je dat niet wilt.', 'Ik wil dit samen afsluiten als jij er klaar voor bent.', 'Ik hoop dat we dit voor de zomer achter ons kunnen laten.', 'Het contact heb ik voor de zomer afgesloten.', 'Vergeef me voor wat ik die week deed.', 'Het liegen moet nu ophouden, dat weet ik.', 'Als je me niet kunt vergeven, begrijp ik dat.', 'Ik weet dat je je afvraagt hoe lang je al voor gek stond.', 'Het is al twee weken geleden dat ik haar voor het laatst sprak.', 'Kunnen we er morgen rustig over praten?']
		},
		en: {
			fires: ["Let's move on.", 'I need you to forgive me.', 'You have to forgive me.', 'Can we put this behind us by Christmas?', 'I want us to put this behind us after the holidays.', 'Can we please just move past this by Christmas?', 'You have to give me another chance.', "If you don't forgive me I honestly don't know what I'll do.", "Either you forgive me by Friday or I'm gone.", 'We both need to move on from it and stop dragging it up every night.', 'At some point this has to stop.', "I can't keep apologizing forever.", "What's done is done.", 'The kids need us to be normal again, though, so I need this settled by the time school starts.', "I need you to tell me we're okay by the end of the week, because I can't keep living in limbo.", 'I want this behind us before Christmas.'],
			clean: ['I hope you can forgive me one day.', "You don't have to forgive me.", "I don't expect you to forgive me.", "I'll start therapy after the holidays.", "I don't want us to put this behind us too quickly.", 'I hope one day we can move past this together, when you are ready.', 'You have to give yourself time.', "If you can't forgive me, I'll understand.", 'I hope we can both move on from this one day, together.', "You've put up with so much from me.", 'I hope at some point we can talk about it.', "I'll stop bringing her up in conversation.", 'I will tell her by Friday and close the account.', "I need you to know that I'll tell her by Friday.", 'Take all the time you need.']
		}
	},
	'vague-agency': {
		nl: {
			fires: ['Er zijn fouten gemaakt.', 'Er is iets gebeurd.', 'Het is gewoon gebeurd.', 'Het liep uit de hand.', 'Er is tegen je gelogen.', 'Op die reis zijn dingen gebeurd.', 'Er is iets ontstaan tussen mij en een collega.', 'Er speelde al maanden iets tussen ons.', 'Op die studiereis is het misgegaan met Evelien.', 'Het is een paar keer uit de hand gelopen.', 'Het is die avond flink fout gegaan.', 'Het is op de een of andere manier gewoon zo gelopen.', 'Er is de laatste tijd iets ontstaan tussen mij en iemand van de zaak.', 'Er is in dat weekend in de Ardennen het een en ander voorgevallen met haar broer.'],
			clean: ['Ik heb fouten gemaakt.', 'Er is niet zomaar iets gebeurd: ik ben vreemdgegaan.', 'Er is door mij gelogen.', 'Er is niemand die ik zo gekwetst heb.', 'Je kon nergens aan zien dat er iets mis was, omdat ik zo goed loog.', 'Er was iets mis met mij, dat weet ik nu.', 'Er speelt iets bij jou, dat zie ik.', 'Het is misgegaan door mij.', 'Ik heb het uit de hand laten lopen.', 'Het is niet zomaar zo gelopen, ik heb het zelf gedaan.']
		},
		en: {
			fires: ['Mistakes were made.', 'Things happened.', 'It just happened.', 'Things got out of hand.', 'Lies were told.', "Something went on over the summer that shouldn't have.", 'Something developed between me and a colleague.'],
			clean: ['I made mistakes.', 'I let things get out of hand.', 'Your trust was broken by me.', "I'll tell you everything that happened between her and me.", 'Something in me broke when I saw your face.', 'Things started to make sense when I talked to a therapist.']
		}
	},
	'self-punishment': {
		nl: {
			fires: ['Ik ben een monster.', 'Ik verdien je niet.', 'Ik haat mezelf.', 'Je bent beter af zonder mij.', 'Ik ben het uitschot van de mensheid.', 'Ik zou eigenlijk uit je leven moeten verdwijnen.', 'Ik haat wie ik geworden ben.', 'Ik ben het laagste wat er op aarde rondloopt.', 'Ik ben de meest verachtelijke man die er bestaat.'],
			clean: ['Ik ben geen monster, maar ik heb iets slechts gedaan.', 'Ik schaam me.', 'Ik moet uit haar leven verdwijnen.', 'Ik haat wat ik gedaan heb.', 'Ik ben verschrikkelijk verliefd op jou geweest.', 'Ik ben de laatste die je iets mag verwijten.']
		},
		en: {
			fires: ["I'm a monster.", "I don't deserve you.", 'I hate myself.', "You'd be better off without me.", 'I hate who I am.', "I hate the person I've become."],
			clean: ["I'm not a monster.", "I'm ashamed.", 'I hate what I did to you.']
		}
	}
};

describe('public API', () => {
	it('exports the rule contract in order', () => {
		expect(RULE_IDS).toEqual([
			'blame-shift', 'conditional-apology', 'but-apology', 'minimizing', 'justification', 'intimate-detail',
			'forgiveness-pressure', 'vague-agency', 'self-punishment', 'missing-regret', 'missing-ownership',
			'missing-acknowledgment', 'missing-commitment'
		]);
		expect(MAX_APOLOGY_LENGTH).toBe(20_000);
		for (const id of RULE_IDS) {
			for (const lang of ['nl', 'en'] as const) {
				const info = RULE_INFO[id][lang];
				for (const field of ['title', 'summary', 'explanation', 'poorExample', 'goodExample'] as const) {
					expect(info[field].length, `${id}.${lang}.${field}`).toBeGreaterThan(0);
				}
			}
		}
	});

	it('deep-compares one whole finding', () => {
		const result = analyzeApology('Ik heb gelogen. Het spijt me, maar ik was dronken.', { lang: 'nl' });
		expect(result.findings.find((finding) => finding.ruleId === 'but-apology')).toEqual({
			ruleId: 'but-apology',
			severity: 'warning',
			message: '„maar” na je spijtbetuiging neemt die weer terug; zet er een punt achter',
			line: 1,
			column: 31,
			offset: 30,
			endOffset: 34,
			actual: 'maar',
			expected: 'Het spijt me.'
		});
	});

	it('suggests the regret on its own for a but-apology, as a sentence', () => {
		const expected = (text: string, lang: CoachLanguage) =>
			analyzeApology(text, { lang }).findings.find((finding) => finding.ruleId === 'but-apology')?.expected;
		expect(expected('Ik ben vreemdgegaan en het spijt me echt, maar jij was er nooit.', 'nl')).toBe('Ik ben vreemdgegaan en het spijt me echt.');
		expect(expected('Het spijt me, ik was echter dronken.', 'nl')).toBe('Het spijt me.');
		expect(expected("'k Heb er spijt van, maar jij was er nooit.", 'nl')).toBe("'k Heb er spijt van.");
		expect(expected('sorry maar ik kon er niks aan doen', 'nl')).toBe('Sorry.');
		expect(expected("i'm sorry but you pushed me", 'en')).toBe("I'm sorry.");
		expect(expected('I’m sorry; however, you must understand.', 'en')).toBe('I’m sorry.');
		const long = `Ik weet dat dit voor jou ${'heel '.repeat(30)}moeilijk is, het spijt me echt, maar ik was eenzaam.`;
		expect(expected(long, 'nl')).toBe('Het spijt me echt.');
	});

	it('treats the empty string as four missing elements at the start', () => {
		const result = analyzeApology('');
		expect(result.elements).toEqual({ regret: false, ownership: false, acknowledgment: false, commitment: false });
		expect(result.findings.map((f) => [f.ruleId, f.severity, f.line, f.column, f.offset, f.endOffset, f.actual])).toEqual([
			['missing-acknowledgment', 'info', 1, 1, 0, 0, ''],
			['missing-commitment', 'info', 1, 1, 0, 0, ''],
			['missing-ownership', 'info', 1, 1, 0, 0, ''],
			['missing-regret', 'info', 1, 1, 0, 0, '']
		]);
	});

	it('sorts by offset, keeps text.slice(offset, endOffset) === actual, and handles odd input', () => {
		const text = 'Sorry.\n\nHet was maar een kus, maar het spijt me, maar jij was er nooit en ik was dronken.';
		const { findings } = analyzeApology(text, { lang: 'nl' });
		const offsets = findings.map((f) => f.offset);
		expect([...offsets].sort((a, b) => a - b)).toEqual(offsets);
		for (const f of findings.filter((f) => f.severity === 'warning')) expect(text.slice(f.offset, f.endOffset)).toBe(f.actual);
		for (const odd of ['   ', '!!!', '\u{1F494}'.repeat(100), 'maar '.repeat(4000), 'a'.repeat(MAX_APOLOGY_LENGTH)]) {
			expect(() => analyzeApology(odd)).not.toThrow();
		}
		expect(() => analyzeApology('a'.repeat(MAX_APOLOGY_LENGTH + 1))).toThrow(RangeError);
	});

	it('detects the language, Dutch when unsure', () => {
		expect(detectLanguage("I'm sorry, I cheated on you.")).toBe('en');
		expect(detectLanguage('Het spijt me, ik ben vreemdgegaan.')).toBe('nl');
		expect(detectLanguage('Ge zijt mijn alles, sorry.')).toBe('nl');
		expect(detectLanguage('')).toBe('nl');
		expect(analyzeApology('I hurt you.').language).toBe('en');
	});

	it('reads a word the Dutch parser keeps with its full stop as the word itself', () => {
		// parse-dutch takes "op." for an abbreviation; "te veel op" must still be found.
		expect(ids('Ik had die avond echt te veel op.', 'nl')).toContain('justification');
	});

	it('recognises the elements through word order, contractions and curly apostrophes', () => {
		const good = (text: string, lang: CoachLanguage) => analyzeApology(text, { lang }).elements;
		const all = { regret: true, ownership: true, acknowledgment: true, commitment: true };
		expect(good('Dat ik ben vreemdgegaan, spijt me. Ik weet dat ik je pijn heb gedaan. Ik zal nooit meer liegen.', 'nl')).toEqual(all);
		expect(good("'k Heb u bedrogen en u gekwetst. Het spijt mij. Van nu af aan zal ik eerlijk zijn.", 'nl')).toEqual(all);
		expect(good('Ik ging vreemd en ik heb je voorgelogen. Sorry. Ik heb je vertrouwen beschaamd. Ik beloof je eerlijkheid.', 'nl')).toEqual(all);
		expect(good('I’ve been unfaithful. I’m sorry. I’ve broken your trust. I’ll be honest from now on.', 'en')).toEqual(all);
		expect(good("I didn't cheat. I'm not sorry. I never meant to hurt you.", 'en')).toEqual({ regret: false, ownership: false, acknowledgment: false, commitment: false });
		expect(good('Ik heb niet gelogen en ik heb geen spijt. Als ik je pijn heb gedaan, jammer.', 'nl')).toMatchObject({ regret: false, ownership: false, acknowledgment: false });
	});

	it('ends a sentence at a full stop before a lowercase word, unless the word is an abbreviation', () => {
		const good = (text: string, lang: CoachLanguage) => analyzeApology(text, { lang }).elements;
		// The parsers take "you." before "i" for an abbreviation: the "not" before it must not block "i hurt you".
		expect(good("i'm really sorry. i hooked up with someone and didn't tell you. i hurt you and i know it. i'll never lie again.", 'en')).toEqual({ regret: true, ownership: true, acknowledgment: true, commitment: true });
		expect(ids('Sorry, bijv. je vriendin wist het. Ik ben vreemdgegaan.', 'nl')).not.toContain('but-apology');
	});

	it('recognises acknowledgment with a pronoun for the act, other verbs and nouns, and not the partner as agent', () => {
		const acknowledged = (text: string, lang: CoachLanguage) => analyzeApology(text, { lang }).elements.acknowledgment;
		for (const text of ['Dat heeft je pijn gedaan.', 'Ik weet hoe diep dat je raakt.', 'Ik heb je leven op zijn kop gezet.', 'Mijn leugens hebben je diep gekwetst.']) {
			expect(acknowledged(text, 'nl'), text).toBe(true);
		}
		for (const text of ['Ik weet dat je me pijn hebt gedaan.', 'Ik weet dat je geraakt bent.', 'Als dat je pijn heeft gedaan, spijt het me.', 'Het heeft mij kapotgemaakt.']) {
			expect(acknowledged(text, 'nl'), text).toBe(false);
		}
		for (const text of ['I know it tore you apart.', "I know how much pain I've caused you.", "I'm so sorry for hurting you.", 'I turned your life upside down.']) {
			expect(acknowledged(text, 'en'), text).toBe(true);
		}
		for (const text of ["I'm not sorry for hurting you.", 'It tore me apart.', 'I know how much pain she caused you.', "I'm sorry if it hurt you."]) {
			expect(acknowledged(text, 'en'), text).toBe(false);
		}
		expect(analyzeApology('Het zal niet meer gebeuren.', { lang: 'nl' }).elements.commitment).toBe(true);
		expect(analyzeApology("I can't promise it won't happen again.", { lang: 'en' }).elements.commitment).toBe(false);
	});

	it('shares the “ik” of coordinated verbs for ownership, and does not take the partner’s “nooit meer” for a commitment', () => {
		const owned = (text: string, lang: CoachLanguage) => analyzeApology(text, { lang }).elements.ownership;
		for (const text of ['Ik ben met Nathalie mee naar huis gegaan en heb met haar geslapen.', 'Ik ben die avond bij haar gebleven en heb je daarover voorgelogen.', 'Ik ben naar zijn hotel gegaan en ben met hem naar bed geweest.']) {
			expect(owned(text, 'nl'), text).toBe(true);
		}
		for (const text of ['Ik ben naar huis gegaan en heb niet met haar geslapen.', 'Ik heb het je verteld en heb je gevraagd of hij loog.']) {
			expect(owned(text, 'nl'), text).toBe(false);
		}
		expect(owned('I went back to her place after the party and slept with her.', 'en')).toBe(true);
		const committed = (text: string, lang: CoachLanguage) => analyzeApology(text, { lang }).elements.commitment;
		for (const text of ['Ik zou het je niet kwalijk nemen als je me nooit meer wilt zien.', 'Ik snap dat je nooit meer iets van me wilt horen.']) {
			expect(committed(text, 'nl'), text).toBe(false);
		}
		for (const text of ['Ik zorg ervoor dat je nooit meer hoeft te twijfelen.', 'Ik zweer je: nooit meer.']) {
			expect(committed(text, 'nl'), text).toBe(true);
		}
	});

	it('recognises more act verbs and shapes for ownership, coordinated hurt for acknowledgment, and plans in the present for commitment', () => {
		const elements = (text: string, lang: CoachLanguage) => analyzeApology(text, { lang }).elements;
		for (const text of ['Ik ben drie maanden lang met Marloes van de tennisclub naar bed geweest.', 'Ik heb een half jaar lang bijna elke avond met een vrouw uit Gent gechat.', 'Ik heb me emotioneel aan Joost gehecht.', 'Ik ben veel te sterk aan mijn collega gehecht geraakt.', 'Ik heb betaald voor seks.']) {
			expect(elements(text, 'nl').ownership, text).toBe(true);
		}
		for (const text of ['Ik weet dat hij met haar heeft geslapen.', 'Ik ben erg aan jou gehecht.', 'Ik heb me nooit aan hem gehecht.']) {
			expect(elements(text, 'nl').ownership, text).toBe(false);
		}
		for (const text of ['I paid for sex twice while I was deployed.', "I've been sending explicit photos and messages to a guy I used to date.", "I sent her some stuff I shouldn't have.", 'I made out with Tom at the party.']) {
			expect(elements(text, 'en').ownership, text).toBe(true);
		}
		for (const text of ['I sent you the photos of the kids.', 'I never paid for sex.', 'I paid for dinner.']) {
			expect(elements(text, 'en').ownership, text).toBe(false);
		}
		for (const text of ['Ik heb je na zesendertig jaar huwelijk bedrogen en je diep gekwetst.', 'Ik heb je in de steek gelaten en je daarmee kapotgemaakt.', 'Ik zie hoe kapot je ervan bent en dat heb ik gedaan.', 'Ik weet hoeveel pijn ik je daarmee doe.']) {
			expect(elements(text, 'nl').acknowledgment, text).toBe(true);
		}
		for (const text of ['Ik weet dat ik loog en dat je gekwetst bent.', 'Ik zie hoe kapot je bent van het werk.', 'Ik weet niet hoeveel pijn ik je daarmee doe.']) {
			expect(elements(text, 'nl').acknowledgment, text).toBe(false);
		}
		for (const text of ["I'm ending things with her tonight.", 'im asking to be moved off her team and ill tell you every time i run into her.', "I'm blocking her number right now."]) {
			expect(elements(text, 'en').commitment, text).toBe(true);
		}
		for (const text of ["I'm ending things with you.", 'When you were ill I lied to you.', "If you don't forgive me, I'll leave."]) {
			expect(elements(text, 'en').commitment, text).toBe(false);
		}
		for (const text of ['Of je vergeeft het me voor het eind van de maand, of ik ga weg.', 'Ik ga weg bij jou.']) {
			expect(elements(text, 'nl').commitment, text).toBe(false);
		}
		expect(elements('Ik ga weg bij die club.', 'nl').commitment).toBe(true);
	});

	it('finds ownership by a first-person subject with an act later in the clause, and commitment as an intention or offer', () => {
		const elements = (text: string, lang: CoachLanguage) => analyzeApology(text, { lang }).elements;
		for (const text of ['Terwijl jij nachten wakker lag, zat ik berichten uit te wisselen met een meisje van mijn werk.', "Ik heb maanden naaktfoto's uitgewisseld met iemand die ik op snapchat ken.", 'Ik wisselde wekenlang berichtjes uit met mijn ex.', 'Ik ben op het congres in Lissabon met een collega mee naar haar hotelkamer gegaan en heb daar de nacht met haar doorgebracht.', 'Ik heb met een vrouw op die vrijgezellenavond in Praag geslapen.', 'Ik ben met Sandra uit eten geweest en daarna met haar naar een hotel gegaan.', 'Ik heb op een avond in Amsterdam voor seks betaald.', 'Ik heb twee keer voor seks betaald.', 'Ik ben na het feest met hem mee naar zijn huis gegaan.', "'k Heb de nacht bij hem doorgebracht.", 'Ik heb vorig jaar op die skireis met een getrouwde man uit Antwerpen die ik amper kende gezoend.', 'Ik ben na afloop bij haar blijven slapen.', 'Ik heb haar stiekem ontmoet.', 'Ik heb hem gekust.', 'Ik heb tegen je gelogen over waar ik was.']) {
			expect(elements(text, 'nl').ownership, text).toBe(true);
		}
		for (const text of ['Ik weet dat zij met hem heeft geslapen.', 'Ik weet dat zij berichten uitwisselde met hem.', "Ik heb nooit naaktfoto's uitgewisseld.", 'Ik heb de nacht in het hotel doorgebracht, alleen.', 'Ik ben met mijn moeder naar huis gegaan.', 'Ik heb de rekening betaald.', 'Ik weet dat hij tegen je heeft gelogen.', 'Ik denk dat jij met hem hebt geappt.', 'Ik heb voor de kinderen betaald.', 'Ik ben met de kinderen naar het hotel gegaan.', 'Ik zou nooit met een ander naar bed gaan.', 'Ik heb de hele nacht naast je gelegen.']) {
			expect(elements(text, 'nl').ownership, text).toBe(false);
		}
		for (const text of ['I snogged Hannah at the leaving do.', "I'm sorry I met up with that guy from Hinge and made out with him in his car.", 'I was with Rachel for most of last year, behind your back.', 'I did kiss him and I did go back to his place.', "I've been exchanging explicit messages with a woman I met online.", 'I swapped nudes with a guy from work.', 'I shagged my ex at the reunion.', 'I got off with someone at the Christmas party.', 'I went back to his hotel room with him.', 'I spent the night at her place.', "I've been seeing someone behind your back.", 'I hooked up with a girl from the gym after her birthday drinks.', 'I kept texting him for months after I promised to stop.']) {
			expect(elements(text, 'en').ownership, text).toBe(true);
		}
		for (const text of ['I know she slept with him.', 'I did not kiss him.', 'I was with my sister all weekend.', 'I went back to the hotel alone.', 'I think he exchanged messages with her.', 'I spent the night on the sofa.', 'I would never snog anyone else.', 'I was with you when she called.']) {
			expect(elements(text, 'en').ownership, text).toBe(false);
		}
		for (const text of ['Ik heb het uitgemaakt en ik wil met jou naar een therapeut.', 'Ik wil met u naar de huisarts om te vragen wie ons kan helpen.', 'Ik wil met u naar het maatschappelijk werk om hierover te praten.', 'Ik wil samen met jou in relatietherapie.', 'Ik wil dat we samen een avond per week vrijhouden om echt te praten.', "Je mag m'n telefoon checken wanneer je wil.", 'Je mag alles lezen wat we ooit hebben geschreven.', 'Vanaf nu mag je altijd mijn telefoon pakken.', 'Ge moogt mijn gsm altijd nakijken.', 'U mag al mijn berichten lezen.', 'Vanaf deze week neem ik de nachtvoedingen op vrijdag.', 'Vanaf volgende maand werk ik op een andere afdeling.', 'Ik vertel je elke dag eerlijk hoe het op mijn werk gaat.', 'Ik doe zoiets nooit weer.', 'Ik heb haar gezegd dat het klaar is.', 'Ik heb haar gisteravond gezegd dat het afgelopen is.', 'Ik heb haar laten weten dat het stopt.', 'Ik heb Ria laten weten dat ik haar niet meer zal bezoeken.', 'Ik heb hem gezegd dat ik niet meer bel.', 'Ik heb om een andere werkplek gevraagd.', 'Ik beantwoord al uw vragen, hoe moeilijk ook.', 'Ik ga met je mee naar een therapeut.', 'Als jij wilt, zetten we het huis te koop en verhuizen we.', 'Ik spreek Stijn alleen nog over het werk.']) {
			expect(elements(text, 'nl').commitment, text).toBe(true);
		}
		for (const text of ['Ik wil dat je me vergeeft.', 'Je mag boos zijn.', 'Je mag me haten.', 'Ik wil met jou oud worden, maar dat heb ik verpest.', 'Je mag het weten.', 'Ik heb je gezegd dat het over was, en dat was gelogen.', 'Vanaf die week loog ik elke dag.', 'Ik vertelde je elke dag dat ik moest overwerken.', 'Hij heeft me gezegd dat het klaar is.', 'Ik wil dat we dit snel vergeten.', 'Ik heb haar gezegd dat ik van haar hield.', 'Je mag niet denken dat het aan jou lag.']) {
			expect(elements(text, 'nl').commitment, text).toBe(false);
		}
		for (const text of ["I've booked us a session with a couples therapist for Thursday.", "I'll be home every night this month.", "I've arranged an appointment with a counsellor.", "I've made an appointment with a therapist.", "I've signed up for counselling.", 'You can check my phone whenever you want.', 'You can read every message.', "I've told her it's over.", "I've told Hannah I won't be meeting her outside work.", "I've put a blocker on my laptop.", "I'm in AA now and I'm not going to see her again.", "I've left the choir.", 'I want us to see a counsellor together.', "Starting this week I'm taking the night feeds."]) {
			expect(elements(text, 'en').commitment, text).toBe(true);
		}
		for (const text of ['You can be angry with me.', 'You can hate me.', "I've booked a table for her birthday back then.", 'I want you to forgive me.', 'I told you it was over, and that was a lie.', 'I left you alone for weeks.']) {
			expect(elements(text, 'en').commitment, text).toBe(false);
		}
		for (const text of ['Ik heb u ook eenzaam gemaakt in uw eigen huis.', 'Ik heb je zo onzeker gemaakt.', 'Ik heb jou belachelijk gemaakt tegenover onze vrienden.']) {
			expect(elements(text, 'nl').acknowledgment, text).toBe(true);
		}
		for (const text of ['Jij hebt me eenzaam gemaakt.', 'Ik heb je nooit onzeker willen maken.', 'Ik voelde me eenzaam.', 'Ik heb je gelukkig gemaakt, dacht ik.']) {
			expect(elements(text, 'nl').acknowledgment, text).toBe(false);
		}
		for (const text of ["I've put your health at risk and hurt you in a way I can barely face.", 'I lied to you for months and humiliated you in front of our friends.', 'I made you feel small.', "I've made a fool of you in front of people we both know."]) {
			expect(elements(text, 'en').acknowledgment, text).toBe(true);
		}
		for (const text of ['I lied to you and you felt hurt.', 'I lied to you and never meant to hurt you.']) {
			expect(elements(text, 'en').acknowledgment, text).toBe(false);
		}
	});
});

describe('pattern rules', () => {
	for (const [rule, byLanguage] of Object.entries(CASES)) {
		for (const lang of ['nl', 'en'] as const) {
			it.each(byLanguage[lang].fires)(`${rule} (${lang}) fires on %j`, (text) => {
				expect(ids(text, lang)).toContain(rule);
			});
			it.each(byLanguage[lang].clean)(`${rule} (${lang}) stays quiet on %j`, (text) => {
				expect(ids(text, lang)).not.toContain(rule);
			});
		}
	}
});

describe('plugins used directly, unified style', () => {
	it('reports vfile messages with place, source, ruleId, actual, expected and url', () => {
		const file = new VFile('Het spijt me, maar omdat jij nooit thuis was, ging ik vreemd.');
		const processor = retext().use(retextDutch).use(butApology, { lang: 'nl', data: nlData }).use(blameShift, { lang: 'nl', data: nlData });
		processor.runSync(processor.parse(file), file);
		expect(file.messages.map(String)).toEqual([
			'1:15-1:19: „maar” na je spijtbetuiging neemt die weer terug; zet er een punt achter',
			'1:20-1:29: „omdat jij” legt de oorzaak bij je partner; benoem wat jij deed, zonder te wijzen'
		]);
		const [message] = file.messages;
		expect(message.source).toBe('herstelpad');
		expect(message.ruleId).toBe('but-apology');
		expect(message.actual).toBe('maar');
		expect(message.expected).toEqual(['Het spijt me.']);
		expect(message.url).toBe('/coach/rules/but-apology');
	});

	it('works with the English parser too', () => {
		const file = new VFile("I'm sorry, but you made me do it.");
		const processor = retext().use(retextEnglish).use(blameShift, { lang: 'en', data: enData });
		processor.runSync(processor.parse(file), file);
		expect(file.messages.map(String)).toEqual(['1:16-1:27: “you made me” puts the cause on your partner; name what you did, without pointing']);
	});
});
