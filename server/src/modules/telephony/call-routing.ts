import { unavailableReason } from '../extensions/availability';
import { isWithinWorkingHours, localClock } from '../extensions/working-hours';
import { chooseExtension, type RoutableExtension } from '../escalations/routing';

/**
 * Where a new inbound call rings (SPEC §1, §3), as a pure function of the extensions and the
 * shared call rotation. The business is open while any extension's working hours (in the
 * business time zone) include the moment; outside them the call goes to voicemail. When open,
 * the call goes to whoever escalation routing would choose (the primary if free, else the next
 * in the rotation); if nobody is free it goes to voicemail too. The reason is stored and logged.
 */
export interface CallRoutableExtension extends RoutableExtension {
  /** E.164 number the call is forwarded to. */
  phone: string;
}

export enum VoicemailReason {
  AFTER_HOURS = 'AFTER_HOURS',
  NOBODY_AVAILABLE = 'NOBODY_AVAILABLE',
}

export type CallRoute =
  | { to: 'EXTENSION'; extension: CallRoutableExtension; reason: string; nextRotationNumber: number | null }
  | { to: 'VOICEMAIL'; why: VoicemailReason; reason: string };

export function routeInboundCall(params: {
  extensions: CallRoutableExtension[];
  lastRotationNumber: number | null;
  now: Date;
  timeZone: string;
}): CallRoute {
  const { extensions, lastRotationNumber, now, timeZone } = params;
  const clock = localClock(now, timeZone);
  const at = `${clock.day.charAt(0)}${clock.day.slice(1).toLowerCase()} ${String(Math.floor(clock.minute / 60)).padStart(2, '0')}:${String(clock.minute % 60).padStart(2, '0')} (${timeZone})`;

  const open = extensions.some((e) => isWithinWorkingHours(e.workingHours, now, timeZone));
  if (!open) {
    const reason = extensions.length === 0 ? `No extensions are set up, so the business has no hours; ${at}: to voicemail.` : `After hours: no extension works at ${at}: to voicemail.`;
    return { to: 'VOICEMAIL', why: VoicemailReason.AFTER_HOURS, reason };
  }

  // An extension without a phone cannot take a forwarded call.
  const reachable = extensions.filter((e) => e.phone.trim() !== '');
  const choice = chooseExtension({ extensions: reachable, lastRotationNumber, exclude: [], now, timeZone });
  if (choice.extension) {
    const extension = reachable.find((e) => e.id === choice.extension!.id)!;
    return { to: 'EXTENSION', extension, reason: `Open at ${at}. ${choice.explanation}`, nextRotationNumber: choice.nextRotationNumber };
  }
  const busy = extensions.map((e) => `${e.number} (${e.employeeName}) ${whyNot(e, now, timeZone)}`).join('; ');
  return { to: 'VOICEMAIL', why: VoicemailReason.NOBODY_AVAILABLE, reason: `Open at ${at}, but nobody can take the call (${busy}): to voicemail.` };
}

function whyNot(extension: CallRoutableExtension, now: Date, timeZone: string): string {
  return unavailableReason(extension, now, timeZone) ?? 'has no phone number';
}
