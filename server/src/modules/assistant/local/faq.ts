import type { FaqTopic } from '../assistant.port';
import { isQuestion, sentences } from './text';

/**
 * Which business FAQ a normalised message asks, if any: the minimum spend, the service area,
 * vegetarian options, or what the service includes. When a message touches several, the
 * first asked wins.
 */

const MINIMUM_SPEND = /\bm\u00ednimo\b|\bminimo\b|\bminimums?\b|\bmin\.?\s+(?:spend|order|amount|charge|price|purchase|headcount|guests|party|number)\b/;
const SERVICE_AREA =
  /\b(?:do|does|can|will|would)\s+(?:you|y'all|your (?:team|chefs?|company))(?:\s+guys)?\s+(?:\w+\s+)?(?:come|travel|go|drive|serve|service|cover|deliver)s?\b|\bservice area\b|\bareas? (?:do )?you (?:serve|cover)\b|\bhow far (?:do|will|would|can|are|is) (?:you|u|your)\b|\b(?:travel|trip|mileage|distance) (?:fee|charge|cost)s?\b|\b(?:service|you) covers?\b|\bare you(?: guys)? (?:in|near|around|based)\b|\b(?:van|viajan|llegan|vienen|cubren|sirven)\s+(?:hasta|a|en)\b|\bzona de servicio\b|\btravel (?:to|out to|as far as|up to|down to)\b|\b(?:minutes|miles|mins|hours?|hrs?) (?:outside|out of|from|away)\b|\bviaje\b|\bservic(?:io|e) en\b/;
/** Telling the business about a vegetarian guest ("can you note we now have 3 vegetarians") is not asking what it offers. */
const TELLS_ABOUT_GUESTS = /\b(?:note|add|adding|joining|now have|will have|we have)\b/;
const VEGETARIAN_WORDS = /\b(?:vegetarians?|vegans?|plant based|meatless|meat free|tofu|veggie)\b/;
const OPTION_WORDS = /\b(?:options?|menus?|dishes|meals?|alternatives?|choices?|something|anything|you|chef|chefs|platos|opciones|comida|algo)\b/;
/** Asking what the business offers, not asking it to do something ("can we add a vegan option"). */
const ASKS_THE_BUSINESS = /\b(?:do|does|can|could|will|would)\s+(?:you|u|y'all|the chef|the chefs|your chefs?)\b|\b(?:is|are) there\b|\bany\b|\bwhat\b|\bwhich\b|\b(?:tienen|hay|ofrecen|hacen)\b/;
const WHATS_INCLUDED =
  /\bwhat(?:'s| is| are| does| do)?\s+(?:\w+\s+){0,4}?(?:includ(?:e|es|ed)|comes? with)\b|\b(?:includ(?:e|es|ed))\b|\bcomes? with\b|\bwhat (?:do|does) (?:you|the chef|the chefs|your chefs?) bring\b|\bdo (?:we|i) (?:need to |have to )?(?:provide|bring|supply|have)\b|\bdo you (?:provide|bring|supply)\b|\bwhat(?:'s| is) on the menu\b|\bqu[e\u00e9] (?:incluye|traen|trae)\b|\bincluid[oa]s?\b|\btraen\b|\bwhat (?:proteins|meats|dishes|sides|food)\b|\bclean ?up\b|\b(?:does|will|would) the chef bring\b|\bdo we need (?:one|a grill|to provide)\b/;

/** "can you come out monday?" asks for a date, not where the business goes. */
const COMES_ON_A_DAY = /\b(?:come|travel|go)\s+(?:out\s+)?(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|this|next|the \d|\d)/;

export interface FaqContext {
  /** A street address was given: "can you come out to 14 Rosewood Ct" is a booking, not an FAQ. */
  hasStreetAddress: boolean;
}

/** The earliest position at which the sentence asks about the topic, or -1. */
function askedAt(sentence: string, topic: FaqTopic, context: FaqContext): number {
  const question = isQuestion(sentence);
  switch (topic) {
    case 'MINIMUM_SPEND':
      return sentence.search(MINIMUM_SPEND);
    case 'SERVICE_AREA':
      return context.hasStreetAddress || COMES_ON_A_DAY.test(sentence) ? -1 : sentence.search(SERVICE_AREA);
    case 'VEGETARIAN_OPTIONS':
      // "vegetarian options?" alone asks too.
      return question && OPTION_WORDS.test(sentence) && (ASKS_THE_BUSINESS.test(sentence) || sentence.split(/\s+/).length <= 4) && !TELLS_ABOUT_GUESTS.test(sentence)
        ? sentence.search(VEGETARIAN_WORDS)
        : -1;
    case 'WHATS_INCLUDED':
      return question ? sentence.search(WHATS_INCLUDED) : -1;
  }
}

export function findFaqTopic(text: string, context: FaqContext): FaqTopic | undefined {
  for (const sentence of sentences(text)) {
    let best: { topic: FaqTopic; at: number } | undefined;
    for (const topic of ['MINIMUM_SPEND', 'SERVICE_AREA', 'VEGETARIAN_OPTIONS', 'WHATS_INCLUDED'] as const) {
      const at = askedAt(sentence, topic, context);
      if (at >= 0 && (!best || at < best.at)) best = { topic, at };
    }
    if (best) return best.topic;
  }
  return undefined;
}
