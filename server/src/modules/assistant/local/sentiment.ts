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
  incompetent: -2.9, unprofessional: -2.7, ugh: -1.8, wtf: -2.6, sucks: -2.6, sucked: -2.6, broken: -1.8, wrong: -1.5,
  problem: -1.2, issue: -1, complaint: -2, unfortunately: -1, sad: -2.1, cranky: -0.8, joke: -1.5, lied: -2.6, liar: -2.9,
  nightmare: -3, mess: -2, ignored: -2.2, unhappy: -2.6, worse: -2.6, poor: -2.1, stupid: -2.6, nonsense: -2.2, regret: -2,
};
const EMOJI: Record<string, number> = {
  '😍': 3, '🥰': 3, '😊': 2, '🙂': 1.5, '😀': 2, '😃': 2, '😄': 2, '😁': 2, '🎉': 2, '🥳': 2.5, '🔥': 1.5, '👍': 1.5,
  '❤': 3, '🙏': 1, '😅': 0.3, '😞': -2, '😡': -3, '😠': -3, '🤬': -3.5, '😤': -2.5, '👎': -2, '😢': -2, '😭': -2, '🙄': -1.5,
};
/** Multi-word expressions, scored as one. */
const PHRASES: Array<[RegExp, number]> = [
  [/\b(?:isn't|is not|not|doesn't|does not|isnt) working\b/gi, -2.2],
  [/\bnever again\b/gi, -3],
  [/\bwhat a joke\b/gi, -2.6],
  [/\bwaste of (?:time|money)\b/gi, -2.8],
  [/\bfed up\b/gi, -2.6],
  [/\bno (?:problem|worries)\b/gi, 0.8],
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
  return round(clamp(sum / Math.sqrt(sum * sum + 15), -1, 1));
}
