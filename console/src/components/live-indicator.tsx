import { useLiveStatus } from '../app/console-context';
import type { LiveStatus, LiveStatusStore } from '../app/live-status';

const LABELS: Record<LiveStatus, string> = {
  idle: 'Live updates off',
  connecting: 'Connecting…',
  connected: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

const DESCRIPTIONS: Record<LiveStatus, string> = {
  idle: 'No page that needs live updates is open.',
  connecting: 'Opening the live-update connection.',
  connected: 'Changes made by anyone appear here without reloading.',
  reconnecting: 'The live-update connection dropped. Retrying; missed changes are fetched once it is back.',
  offline: 'The server refused the live-update connection.',
};

/** Whether changes from other staff are arriving, as a dot and a word. */
export function LiveIndicator({ live }: { live: LiveStatusStore }) {
  const status = useLiveStatus(live);
  return (
    <span role="status" className={`live live--${status}`} data-testid="live-status" data-status={status} title={DESCRIPTIONS[status]}>
      <span className="live__dot" aria-hidden="true" />
      {LABELS[status]}
    </span>
  );
}
