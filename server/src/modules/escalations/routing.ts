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
