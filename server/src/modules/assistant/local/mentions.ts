import type { Extracted } from '../assistant.port';
import type { Span } from './text';

/**
 * One reading of a value in the text. A message can mention several dates or times ("move it
 * from the 12th to the 19th"): the role says which one is being replaced and which is new.
 */
export interface Mention<T> extends Span {
  value: T;
  confidence: number;
  role: 'plain' | 'old' | 'new';
  /** Only read as the value in a change: the end of "from 6 to 6:30". */
  onlyForChanges?: boolean;
}

const OLD_BEFORE = /(?:\bfrom|\binstead of|\bthan|\bnot|\bdel|\ben vez de|\ben lugar de)\s*$/;
const NEW_BEFORE = /(?:\bto|->|→|=>|\binstead|\bnew (?:date|time|start time)(?: is)?:?|\bnow(?: it's)?|\bswitch to|\bmake it|\bal|\bpara el|\bnueva fecha(?: es)?:?)\s*$/;
const NEW_AFTER = /^\s*instead\b/;

/** Whether the words just around a mention mark it as the value being replaced or the new one. */
export function roleAt(text: string, span: Span): Mention<unknown>['role'] {
  const before = text.slice(Math.max(0, span.start - 20), span.start);
  if (OLD_BEFORE.test(before)) return 'old';
  if (NEW_BEFORE.test(before) || NEW_AFTER.test(text.slice(span.end, span.end + 12))) return 'new';
  return 'plain';
}

/**
 * The mention that answers "what is the value": never one being replaced; for a change the
 * one marked new (or else the last), otherwise the first. Disagreeing candidates outside a
 * change ("the 19th or the 20th") lower the confidence.
 */
export function pickMention<T>(mentions: readonly Mention<T>[], preferNewest: boolean): Extracted<T> | undefined {
  const candidates = mentions
    .filter((m) => m.role !== 'old' && (preferNewest || !m.onlyForChanges))
    .sort((a, b) => a.start - b.start);
  if (candidates.length === 0) return undefined;
  const marked = candidates.filter((m) => m.role === 'new');
  const chosen = preferNewest ? (marked.at(-1) ?? candidates.at(-1)!) : candidates[0];
  const disagreeing = !preferNewest && candidates.some((m) => m.value !== chosen.value);
  return { value: chosen.value, confidence: round(disagreeing ? chosen.confidence * 0.75 : chosen.confidence) };
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
