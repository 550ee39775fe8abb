import { clamp } from './text';
import { round } from './mentions';

/**
 * Sentiment from a small lexicon in the manner of VADER: word valences (-4..4), flipped and
 * damped by a negation just before ("not happy"), strengthened by an intensifier ("really
 * upset"), by "ever" after a superlative ("worst ever"), by shouting in capitals and by
 * exclamation marks; the sum is squashed into -1..1.
 */

const LEXICON: Record<string, number> = {
  // positive
  love: 3.2, loved: 3, loving: 2.9, lovely: 2.8, amazing: 3.1, awesome: 3.1, great: 3.1, excellent: 3.2, fantastic: 3.2,
  wonderful: 3.2, perfect: 2.7, excited: 2.5, exciting: 2.5, happy: 2.7, glad: 2.2, pleased: 2.2, thanks: 1.9, thank: 1.5,
  appreciate: 2, appreciated: 2, delicious: 3, good: 1.9, nice: 1.8, best: 3.2, fun: 2.3, enjoyed: 2.3, enjoy: 2.2,
  beautiful: 2.9, yay: 2.4, wow: 2, grateful: 2.6, cool: 1.3, incredible: 3, outstanding: 3.2, impressed: 2.6, recommend: 1.5,
  // negative
  bad: -2.5, terrible: -3.4, horrible: -3.4, awful: -3.1, worst: -3.1, ridiculous: -2.6, unacceptable: -3, disappointed: -2.4,
  disappointing: -2.4, upset: -2.2, angry: -2.8, furious: -3.3, frustrated: -2.4, frustrating: -2.4, annoyed: -2.1,
  annoying: -2.1, rude: -2.4, useless: -2.6, pathetic: -3, hate: -2.8, scam: -3, disgusting: -3.2, waste: -2.1, wasted: -2.1,
  incompetent: -2.9, unprofessional: -2.7, ugh: -1.8, wtf: -2.9, sucks: -2.6, sucked: -2.6, broken: -1.8, wrong: -1.5,
  problem: -1.2, issue: -1, complaint: -2, unfortunately: -1, sad: -2.1, cranky: -0.8, joke: -1.5, lied: -2.6, liar: -2.9,
  nightmare: -3, mess: -2, ignored: -2.2, unhappy: -2.6, worse: -2.6, poor: -2.1, stupid: -2.6, nonsense: -2.2, regret: -2,
  // profanity: an upset customer, whatever else the message says
  fuck: -3.4, fucking: -3.4, fucked: -3.4, fck: -3.2, fkn: -3.2, fing: -3, shit: -3, shitty: -3.2, bullshit: -3.4, bs: -2.4,
  damn: -2.2, dammit: -2.6, goddamn: -3, crap: -2.6, crappy: -2.8, pissed: -3.2, asshole: -3.4, idiots: -3.2, idiot: -3.2,
  clowns: -2.6, scammers: -3.4, disaster: -3, unreal: -1.5, ruined: -3.2, ruin: -2.8, scammer: -3.4, thieves: -3.4, crooks: -3.4, ripoff: -3, rip: -0.5, garbage: -2.9, trash: -2.6, outrageous: -3, insane: -2, livid: -3.4, fraud: -3.2, shameful: -2.8,
  // Spanish
  gracias: 1.9, excelente: 3.2, genial: 3, perfecto: 2.7, encanta: 3.1, encantó: 3.1, feliz: 2.7, felices: 2.7, buenísimo: 3,
  bueno: 1.9, buena: 1.9, maravilloso: 3.2, increíble: 3, contentos: 2.5, contento: 2.5, emocionados: 2.5,
  pésimo: -3.4, pesimo: -3.4, pésima: -3.4, ridículo: -2.8, ridiculo: -2.8, molesto: -2.4, molesta: -2.4,
  enojado: -2.8, enojada: -2.8, furioso: -3.3, furiosa: -3.3, inaceptable: -3, mierda: -3.4, carajo: -3, basura: -2.9,
  estafa: -3.2, peor: -2.8, inútil: -2.6, inutil: -2.6, decepcionado: -2.4, decepcionada: -2.4, harto: -2.8, harta: -2.8,
  chingada: -3.4, pinche: -2.8, malo: -2.5, mala: -2.5, fatal: -3, vergüenza: -2.8, estafadores: -3.4,
};
const EMOJI: Record<string, number> = {
  '😍': 3, '🥰': 3, '😊': 2, '🙂': 1.5, '😀': 2, '😃': 2, '😄': 2, '😁': 2, '🎉': 2, '🥳': 2.5, '🔥': 1.5, '👍': 1.5,
  '❤': 3, '🙏': 1, '😅': 0.3, '😞': -2, '😡': -3, '😠': -3, '🤬': -3.5, '😤': -2.5, '👎': -2, '😢': -2, '😭': -2, '🙄': -1.5,
};
/** Multi-word expressions, scored as one. */
const PHRASES: Array<[RegExp, number]> = [
  [/\b(?:isn't|is not|not|doesn't|does not|isnt) working\b/gi, -2.2],
  [/\bnever again\b/gi, -3],
  [/\bwhat a joke\b|\bjoke of a\b/gi, -3],
  [/\bwaste of (?:time|money)\b/gi, -2.8],
  [/\bfed up\b/gi, -2.6],
  [/\bno (?:problem|worries)\b/gi, 0.8],
  // Bad weather is not an upset customer.
  [/\b(?:weather|forecast)\b[^.?!]{0,20}\b(?:bad|terrible|awful|horrible)\b/gi, -0.5],
  [/\b(?:heard nothing|(?:still )?no (?:response|reply|answer)|never heard back|(?:haven't|have not|hasn't) heard back)\b/gi, -2],
  // Repeated attempts, ultimatums and threats: upset enough for a person whatever the words.
  [/\b(?:(?:third|3rd|fourth|4th|fifth|5th|second|2nd) time|(?:three|four|five|3|4|5) times|(?:again|twice|already|repeatedly) (?:asked|told|said)|(?:asked|told|said|texted|messaged|called|emailed) (?:you |this |u )?(?:\w+ )?(?:twice|three times|already|again|repeatedly|multiple times|several times|a million times|over and over))\b/gi, -3.2],
  [/\b(?:how many times|still (?:no|nothing|waiting|haven't|have not|hasn't|no one)|nobody (?:has )?(?:answered|responded|called|replied)|no one (?:has )?(?:answered|responded|called|replied)|not listening|are you even (?:reading|listening))\b/gi, -3],
  [/\b(?:bad|negative|1[- ]star|one[- ]star|terrible|scathing) (?:review|rating)s?\b|\b(?:yelp|google) review\b|\bchargebacks?\b|\bdisput(?:e|ing) (?:the|this|it|my)\b|\b(?:my )?(?:lawyer|attorney)\b|\bbetter business bureau\b|\bBBB\b|\breport(?:ing)? you\b|\bsmall claims\b/gi, -3.4],
  [/\b(?:this|that|it) is (?:ridiculous|unacceptable|insane|absurd|a joke)\b|\bare you (?:kidding|serious)\b|\bunbelievable\b|\bi(?:'m| am) done\b|\bsick (?:and tired|of)\b|\bfor the last time\b|\bi (?:already )?told you\b|\bdriving me (?:nuts|crazy|insane|up the wall)\b|\bimpossible to reach\b|\b(?:cancel|answer|respond|reply|call me|fix (?:it|this))\W+now\b|\bnever (?:answered|responded|replied|called back|got back)\b|\b(?:doesn't|does not|don't|do not|won't) (?:answer|pick up) (?:its|their|your|the) phones?\b|\brip[- ]?off\b|\bexpect (?:a )?(?:full )?refund\b|\b(?:nobody|no one|the chef|your chef|chef) (?:never )?(?:showed|came|turned) up\b|\bno[- ]show(?:ed)?\b|\b(?:telling|tell|warn|warning) (?:everyone|everybody|all my friends|people)\b|\bavoid (?:you|your company|this company)\b|\bbeyond (?:furious|angry|frustrated|upset|pissed)\b/gi, -3.3],
  [/\b(?:tercera|cuarta|segunda) vez\b|\b(?:tres|cuatro|cinco|varias|muchas|mil) veces\b|\bya (?:les|te|se lo|se los) (?:dije|escrib\u00ed|ped\u00ed)\b|\b(?:otra vez|de nuevo) (?:les|te|lo) (?:pregunto|digo|escribo)\b|\bmala (?:rese\u00f1a|calificaci\u00f3n)\b|\bnadie (?:me )?(?:ha )?(?:contesta|responde|contestado|respondido)\b|\bnunca m\u00e1s\b|\bqu\u00e9 verg\u00fcenza\b/gi, -3.3],
  // Complaints about the assistant itself, and about being ignored: a person should take over.
  [/\b(?:same|useless|canned|automatic|automated|generic|copy[- ]paste) (?:answers?|replies|reply|responses?)\b|\bkeep (?:giving|saying|sending|telling|repeating)\b|\b(?:nobody|no one|no-one) (?:cares|is listening|reads these)\b|\b(?:you|u) (?:don't|do not|dont) care\b|\bgetting (?:annoying|ridiculous|old|frustrating)\b|\b(?:es una |qu\u00e9 )?falta de respeto\b|\bno (?:me )?(?:entiendes|entiende|ayudas|ayuda)\b|\b(?:siempre|me da) la misma respuesta\b/gi, -3.2],
  [/\b(?:kind|best|warm|warmest) regards\b|\bbest wishes\b/gi, 0],
];
const NEGATIONS = new Set(['not', 'no', 'never', "don't", 'dont', "isn't", 'isnt', "wasn't", "can't", 'cant', 'cannot', "didn't", "doesn't", "won't", 'nothing', 'hardly', 'without', "aren't", "weren't", 'nor']);
const INTENSIFIERS = new Set(['very', 'so', 'really', 'extremely', 'super', 'absolutely', 'totally', 'incredibly', 'truly', 'completely', 'most', 'such', 'too', 'utterly', 'seriously']);
const NEGATION_FACTOR = -0.74;
const BOOST = 1.3;

function tokens(text: string): string[] {
  return text.match(/[\p{L}']+|!|\p{Extended_Pictographic}/gu) ?? [];
}

function scoreWords(original: string): number {
  const words = tokens(original);
  const shouting = words.some((w) => /\p{Ll}/u.test(w)); // capitals only count when the rest is not all capitals
  let sum = 0;
  let lastScored = -1;
  let lastScore = 0;
  words.forEach((word, i) => {
    const lower = word.toLowerCase();
    if (lower === 'ever' && lastScored >= i - 3 && lastScored >= 0) {
      sum += lastScore * (BOOST - 1);
      return;
    }
    let valence = LEXICON[lower] ?? EMOJI[word] ?? 0;
    if (valence === 0) return;
    if (shouting && word.length > 1 && word === word.toUpperCase() && /\p{Lu}/u.test(word)) valence *= BOOST;
    if (i > 0 && INTENSIFIERS.has(words[i - 1].toLowerCase())) valence *= BOOST;
    if (words.slice(Math.max(0, i - 3), i).some((w) => NEGATIONS.has(w.toLowerCase()))) valence *= NEGATION_FACTOR;
    sum += valence;
    lastScored = i;
    lastScore = valence;
  });
  return sum;
}

/**
 * A message shouted in capitals is angry when it says something negative or demands an answer
 * ("WHERE IS MY CHEF", "ANSWER ME", "HELLO???"): at least three capitalised words of three
 * letters or more making most of the message. A calm request typed in capitals ("HI I WANT TO
 * BOOK A CHEF") and a few acronyms ("RSVP", "NYE") are not anger.
 */
const DEMANDING = /\b(?:why|where|answer|respond|reply|now|hello|still|again|seriously|wtf|ridiculous|never|nobody|what the)\b|[!?]{2,}/i;

function shoutingPenalty(text: string, sum: number): number {
  const words = text.match(/\p{L}{3,}/gu) ?? [];
  const shouted = words.filter((w) => w === w.toUpperCase() && /\p{Lu}/u.test(w)).length;
  // A short message wholly in capitals ("WHERE IS MY CONFIRMATION") shouts with two long words.
  const wholly = shouted === words.length && !/\p{Ll}/u.test(text);
  if (shouted < (wholly ? 2 : 3) || shouted / words.length < 0.5 || sum > 0) return 0;
  return sum < 0 || DEMANDING.test(text) ? -3.2 : 0;
}

export function scoreSentiment(text: string): number {
  let rest = text.replace(/[\u2018\u2019]/g, "'");
  let sum = 0;
  for (const [pattern, valence] of PHRASES) {
    rest = rest.replace(pattern, () => {
      sum += valence;
      return ' ';
    });
  }
  sum += scoreWords(rest);
  const exclamations = Math.min(4, (text.match(/!/g) ?? []).length);
  if (sum !== 0) sum += Math.sign(sum) * exclamations * 0.292;
  sum += shoutingPenalty(text, sum);
  return round(clamp(sum / Math.sqrt(sum * sum + 15), -1, 1));
}
