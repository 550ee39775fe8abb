import { useSyncExternalStore } from 'react';
import { desktopAlerts } from '../app/desktop-alerts';

/** Offers desktop alerts once; the browser's own prompt follows the click. */
export function DesktopAlertsButton({ className }: { className?: string }) {
  const state = useSyncExternalStore(desktopAlerts.subscribe, desktopAlerts.state);
  if (state !== 'offer') return null;
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
