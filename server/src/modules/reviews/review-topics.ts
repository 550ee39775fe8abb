import { scoreSentiment } from '../assistant/local/sentiment';

/**
 * What a reviewer talks about, in the words a reply can use back: "the food", "the show". Each
 * topic is a short list of keywords and phrases; a clause that names one is praise or a concern
 * by its own sentiment (the assistant's lexicon), or a concern when it holds a word that is
 * always a complaint about that topic ("late", "overpriced"). Simple on purpose: a reply only
 * needs the one or two things the reviewer cared about most.
 */
export type Topic = 'food' | 'chef' | 'show' | 'punctuality' | 'price' | 'service' | 'cleanliness' | 'portions' | 'communication';

interface TopicRule {
  /** Whole words or phrases (lower case) that name the topic. */
  words: RegExp;
  /** Words that make a clause about the topic a concern whatever else it says. */
  complaint?: RegExp;
  /** How a reply names it. */
  phrase: string;
}

const TOPICS: Record<Topic, TopicRule> = {
  food: { words: /\b(food|meal|dinner|steak|shrimp|chicken|salmon|scallops?|lobster|rice|noodles|vegetables|veggies|sauce|flavou?rs?|tasty|delicious|cooked)\b/, complaint: /\b(cold|bland|undercooked|overcooked|burnt|raw|salty|dry)\b/, phrase: 'the food' },
  chef: { words: /\b(chefs?|cook)\b/, complaint: /\b(rude|unprofessional)\b/, phrase: 'your chef' },
  show: { words: /\b(show|tricks?|entertain\w*|performance|onion volcano|fun|juggl\w*)\b/, phrase: 'the show' },
  punctuality: { words: /\b(late|on time|punctual\w*|early|delay\w*|arrived|showed up|wait(ed|ing)?)\b/, complaint: /\b(late|delay\w*|wait(ed|ing)|hour behind|never showed)\b/, phrase: 'our timing' },
  price: { words: /\b(price[ds]?|pricing|cost|expensive|value|worth|overpriced|cheap|affordable|fees?|deposit)\b/, complaint: /\b(expensive|overpriced|hidden fees?|not worth|too much)\b/, phrase: 'the price' },
  service: { words: /\b(service|staff|friendly|professional\w*|polite|rude|team|helpful)\b/, complaint: /\b(rude|unprofessional|unfriendly)\b/, phrase: 'our service' },
  cleanliness: { words: /\b(clean\w*|mess\w*|tidy|grease|smoke)\b/, complaint: /\b(mess(y)?|dirty|grease|left a mess)\b/, phrase: 'the clean-up' },
  portions: { words: /\b(portions?|amount|enough food|leftovers|hungry|generous)\b/, complaint: /\b(small portions?|not enough|still hungry|hungry)\b/, phrase: 'the portions' },
  communication: { words: /\b(communicat\w*|respon\w*|call(ed)? back|booking process|texts?|emails?|replied)\b/, complaint: /\b(never (called|replied|responded)|no response|hard to reach|ignored)\b/, phrase: 'how we kept in touch' },
};

/** Praise the sentiment lexicon does not score (it reads chat messages, not reviews). */
const PRAISE = /\b(friendly|polite|helpful|professional|on time|punctual|tasty|generous|spotless|entertaining|hilarious)\b/;

export interface ReviewTopics {
  praised: Topic[];
  raised: Topic[];
}

/** Splits on sentence ends and on "but"/"however", which turn praise into a concern mid-sentence. */
function clauses(text: string): string[] {
  return text
    .split(/[.!?;\n]+|\b(?:but|however|although|though)\b/i)
    .map((clause) => clause.trim())
    .filter((clause) => clause.length > 0);
}

/** The topics a review praises and raises, most mentioned first; a topic both praised and raised counts as raised. */
export function extractTopics(comment: string | null): ReviewTopics {
  if (!comment) return { praised: [], raised: [] };
  const praise = new Map<Topic, number>();
  const concern = new Map<Topic, number>();
  for (const clause of clauses(comment)) {
    const lower = clause.toLowerCase();
    const named = (Object.entries(TOPICS) as Array<[Topic, TopicRule]>).filter(([, rule]) => rule.words.test(lower));
    if (named.length === 0) continue;
    // A complaint about one topic ("the chef arrived late") makes the clause a concern for each topic it names.
    const complained = named.some(([, rule]) => rule.complaint?.test(lower) ?? false);
    const sentiment = scoreSentiment(clause);
    const target = complained || sentiment < -0.05 ? concern : sentiment > 0.05 || PRAISE.test(lower) ? praise : null;
    if (!target) continue;
    for (const [topic] of named) target.set(topic, (target.get(topic) ?? 0) + 1);
  }
  const ranked = (counts: Map<Topic, number>) => [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([topic]) => topic);
  const raised = ranked(concern);
  return { praised: ranked(praise).filter((topic) => !concern.has(topic)), raised };
}

/** "the food", "the food and the show", "the food, the show and your chef". */
export function topicPhrase(topics: readonly Topic[], fallback: string): string {
  const phrases = topics.slice(0, 3).map((topic) => TOPICS[topic].phrase);
  if (phrases.length === 0) return fallback;
  if (phrases.length === 1) return phrases[0];
  return `${phrases.slice(0, -1).join(', ')} and ${phrases.at(-1)}`;
}
