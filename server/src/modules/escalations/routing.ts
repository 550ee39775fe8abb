import { isAvailableAt, unavailableReason } from '../extensions/availability';
import { ExtensionStatus } from '../extensions/extension.entity';
import type { WorkingHoursRangeValue } from '../extensions/working-hours';

/**
 * Who gets an escalation (SPEC §1), as a pure function of the extensions and the shared
 * rotation: the primary if it is available and within its hours; otherwise the next of the
 * other available, in-hours extensions after the last one served (round-robin by number);
 * otherwise nobody, and the escalation waits in the queue. The explanation is logged.
 */
export interface RoutableExtension {
  id: string;
  number: number;
  employeeName: string;
  status: ExtensionStatus;
  workingHours: WorkingHoursRangeValue[];
  isPrimaryEscalation: boolean;
}

export interface RoutingChoice {
  extension: RoutableExtension | null;
  explanation: string;
  /** The rotation position to store when the choice came from the round-robin. */
  nextRotationNumber: number | null;
}

export function chooseExtension(params: {
  extensions: RoutableExtension[];
  lastRotationNumber: number | null;
  exclude: string[];
  now: Date;
  timeZone: string;
}): RoutingChoice {
  const { extensions, lastRotationNumber, exclude, now, timeZone } = params;
  const describe = (e: RoutableExtension) => `${e.number} (${e.employeeName})`;
  const whyNot = (e: RoutableExtension) => (exclude.includes(e.id) ? 'did not answer in time' : (unavailableReason(e, now, timeZone) ?? 'is available'));
  const canTake = (e: RoutableExtension) => !exclude.includes(e.id) && isAvailableAt(e, now, timeZone);

  const primary = extensions.find((e) => e.isPrimaryEscalation);
  if (primary && canTake(primary)) {
    return { extension: primary, explanation: `Primary extension ${describe(primary)} is available and within its hours.`, nextRotationNumber: null };
  }
  const primaryNote = primary ? `Primary extension ${describe(primary)} ${whyNot(primary)}` : 'There is no primary extension';

  const others = extensions.filter((e) => !e.isPrimaryEscalation && canTake(e)).sort((a, b) => a.number - b.number);
  if (others.length === 0) {
    return { extension: null, explanation: `${primaryNote}, and no other extension is available within its hours: queued.`, nextRotationNumber: null };
  }
  const next = others.find((e) => lastRotationNumber === null || e.number > lastRotationNumber) ?? others[0];
  return {
    extension: next,
    explanation: `${primaryNote}; round-robin over ${others.map((e) => e.number).join(', ')} chose ${describe(next)}${lastRotationNumber === null ? '' : ` after ${lastRotationNumber}`}.`,
    nextRotationNumber: next.number,
  };
}

export interface RoutingRound {
  choice: RoutingChoice;
  /** The extensions that stay excluded for this escalation after the choice. */
  declined: string[];
}

/**
 * Routing with rounds: extensions that let the escalation time out are skipped, but only for
 * the current round. When nobody else can take it, a new round starts, skipping only the one
 * that timed out last (so two extensions take turns), and if it is the only one left, it is
 * asked again. Declines therefore never grow into a list that locks an escalation out.
 */
export function chooseInRounds(params: {
  extensions: RoutableExtension[];
  lastRotationNumber: number | null;
  declined: string[];
  now: Date;
  timeZone: string;
}): RoutingRound {
  const { declined } = params;
  const route = (exclude: string[]) => chooseExtension({ ...params, exclude });
  const first = route(declined);
  if (first.extension || declined.length === 0) return { choice: first, declined: first.extension ? declined : [] };

  const lastDecliner = declined.slice(-1);
  for (const exclude of [lastDecliner, []]) {
    if (exclude.length === declined.length) continue; // the same round again would choose the same
    const retry = route(exclude);
    if (retry.extension) {
      return { choice: { ...retry, explanation: `Every available extension has let it wait, so a new round starts. ${retry.explanation}` }, declined: exclude };
    }
  }
  // Nobody can take it at all: it waits, and the next round starts fresh.
  return { choice: route([]), declined: [] };
}
