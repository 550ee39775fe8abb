import { DateTime } from 'luxon';
import { formatDollars } from '../bookings/pricing';

/** The week the weekly reports cover: the last whole week, Monday to Sunday, before `now` in the business zone. */
export function lastCompleteWeek(now: Date, timeZone: string): string {
  return DateTime.fromJSDate(now, { zone: timeZone }).startOf('week').minus({ weeks: 1 }).toISODate()!;
}

/** Monday `weekStart` 00:00 to the next Monday 00:00, in the business zone. */
export function weekRange(weekStart: string, timeZone: string): { from: Date; to: Date } {
  const start = DateTime.fromISO(weekStart, { zone: timeZone }).startOf('week');
  return { from: start.toJSDate(), to: start.plus({ weeks: 1 }).toJSDate() };
}

export interface WeeklyFigures {
  weekStart: string;
  weekEnd: string;
  bookingsMade: number;
  bookingsValueCents: number;
  cancellations: number;
  receivedCents: number;
  depositCents: number;
  refundedCents: number;
  conversations: number;
  escalations: number;
  reviews: number;
  averageRating: number | null;
}

export interface ReconciliationSummary {
  weekStart: string;
  weekEnd: string;
  creditCents: number;
  matchedCents: number;
  unmatchedCents: number;
  lines: Array<{ state: string; postedOn: string; amountCents: number; description: string; explanation: string }>;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const dayLabel = (iso: string) => DateTime.fromISO(iso).toFormat('cccc, LLLL d, yyyy');
const weekLabel = (start: string, end: string) => `${DateTime.fromISO(start).toFormat('LLL d')} to ${DateTime.fromISO(end).toFormat('LLL d, yyyy')}`;

/** The weekly business summary, as plain text for the owner. */
export function weeklySummaryEmail(figures: WeeklyFigures, businessName: string): { subject: string; text: string } {
  const rating = figures.averageRating === null ? 'no reviews' : `average rating ${figures.averageRating.toFixed(1)} of 5`;
  const lines = [
    `${businessName}: the week of ${dayLabel(figures.weekStart)} to ${dayLabel(figures.weekEnd)}.`,
    '',
    `Bookings made: ${figures.bookingsMade}, worth ${formatDollars(figures.bookingsValueCents)}`,
    `Cancellations: ${figures.cancellations}`,
    `Revenue received: ${formatDollars(figures.receivedCents)}${figures.refundedCents > 0 ? ` (after ${formatDollars(figures.refundedCents)} refunded)` : ''}`,
    `Deposits: ${formatDollars(figures.depositCents)}`,
    `Conversations: ${figures.conversations}`,
    `Escalations to staff: ${figures.escalations}`,
    `Reviews: ${figures.reviews}${figures.reviews > 0 ? `, ${rating}` : ''}`,
  ];
  return { subject: `Weekly summary, ${weekLabel(figures.weekStart, figures.weekEnd)}`, text: lines.join('\n') + '\n' };
}

/** How many unmatched credits the email lists by name; the CSV has them all. */
const LISTED_UNMATCHED = 10;

/** The weekly reconciliation report's email: the totals and what needs a look; the CSV attached has every line. */
export function reconciliationEmail(report: ReconciliationSummary, businessName: string): { subject: string; text: string; filename: string } {
  const count = (state: string) => report.lines.filter((line) => line.state === state).length;
  const open = report.lines.filter((line) => line.state === 'UNMATCHED' || line.state === 'SUGGESTED');
  const lines = [
    `${businessName}: bank credits posted ${dayLabel(report.weekStart)} to ${dayLabel(report.weekEnd)}.`,
    '',
    `Credits: ${plural(report.lines.length, 'credit')}, ${formatDollars(report.creditCents)}`,
    `Matched to bookings: ${count('MATCHED')}, ${formatDollars(report.matchedCents)}`,
    `Waiting to be matched: ${open.length}, ${formatDollars(report.unmatchedCents)}${count('SUGGESTED') > 0 ? ` (${count('SUGGESTED')} with a suggestion to verify)` : ''}`,
    `Still pending at the bank: ${count('PENDING')}`,
  ];
  if (open.length > 0) {
    lines.push('', 'Needing a look on the Payments page:');
    for (const line of open.slice(0, LISTED_UNMATCHED)) lines.push(`- ${line.postedOn} ${formatDollars(line.amountCents)} ${line.description}: ${line.explanation}`);
    if (open.length > LISTED_UNMATCHED) lines.push(`- and ${open.length - LISTED_UNMATCHED} more (see the attached CSV)`);
  }
  lines.push('', `Every credit, with its match or why it has none, is in the attached reconciliation-${report.weekStart}.csv.`);
  return { subject: `Weekly reconciliation, ${weekLabel(report.weekStart, report.weekEnd)}`, text: lines.join('\n') + '\n', filename: `reconciliation-${report.weekStart}.csv` };
}
