import { ExtensionStatus } from './extension.entity';
import { isWithinWorkingHours, type WorkingHoursRangeValue } from './working-hours';

type Staffable = { status: ExtensionStatus; workingHours: WorkingHoursRangeValue[] };

/** Why an extension cannot take work at `at`, in words for the routing log; null when it can. */
export function unavailableReason(extension: Staffable, at: Date, timeZone: string): string | null {
  if (extension.status !== ExtensionStatus.AVAILABLE) return `is ${extension.status}`;
  if (!isWithinWorkingHours(extension.workingHours, at, timeZone)) return 'is outside its working hours';
  return null;
}

/** The one availability rule (SPEC §1): marked available and within its working hours. */
export function isAvailableAt(extension: Staffable, at: Date, timeZone: string): boolean {
  return unavailableReason(extension, at, timeZone) === null;
}
