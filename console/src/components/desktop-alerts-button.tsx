import { useState, useSyncExternalStore } from 'react';
import { desktopAlerts } from '../app/desktop-alerts';

/**
 * Offers desktop alerts once; the browser's own prompt follows the click. An offer on screen
 * stays until it is answered, even if the permission changes some other way meanwhile (the
 * browser's settings): a button must not vanish from under the pointer on an unrelated render.
 */
export function DesktopAlertsButton({ className }: { className?: string }) {
  // Both parts in the snapshot: answering may leave the permission as it was (granted meanwhile).
  const snapshot = useSyncExternalStore(desktopAlerts.subscribe, () => `${desktopAlerts.state()}:${desktopAlerts.asked() ? 'asked' : 'not-asked'}`);
  const [offeredWhenShown] = useState(() => desktopAlerts.state() === 'offer');
  const [state, asked] = snapshot.split(':');
  if (state !== 'offer' && !(offeredWhenShown && asked === 'not-asked')) return null;
  return (
    <button
      type="button"
      className={`button button--small${className ? ` ${className}` : ''}`}
      title="Get a desktop notification when a customer writes in a thread you hold while this tab is in the background."
      onClick={() => void desktopAlerts.request()}
    >
      Turn on desktop alerts
    </button>
  );
}
