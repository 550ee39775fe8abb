/**
 * Desktop notifications (the browser's Notifications API) for a customer writing in a thread
 * you hold while the console's tab is hidden. The browser asks for permission once, from a
 * click (browsers refuse a prompt that no gesture started), and remembers the answer itself;
 * we remember that we asked, so the offer is not shown again after a "Block" or a dismissal.
 */
const ASKED_KEY = 'hibachi.console.desktop-alerts-asked';

type Listener = () => void;
const listeners = new Set<Listener>();

function supported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

export type DesktopAlertsState = 'unsupported' | 'offer' | 'on' | 'off';

export const desktopAlerts = {
  state(): DesktopAlertsState {
    if (!supported()) return 'unsupported';
    if (Notification.permission === 'granted') return 'on';
    if (Notification.permission === 'denied' || window.localStorage.getItem(ASKED_KEY) === 'yes') return 'off';
    return 'offer';
  },
  /** Whether this browser was offered the alerts and answered (or dismissed the prompt). */
  asked(): boolean {
    return supported() && window.localStorage.getItem(ASKED_KEY) === 'yes';
  },
  /** Call from a click handler only. */
  async request(): Promise<void> {
    if (!supported()) return;
    window.localStorage.setItem(ASKED_KEY, 'yes');
    try {
      await Notification.requestPermission();
    } finally {
      for (const listener of [...listeners]) listener();
    }
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Shows a notification when the tab is hidden and permission was given; otherwise nothing (the page shows the alert). */
  show(params: { title: string; body: string; tag: string; onClick: () => void }): void {
    if (!supported() || Notification.permission !== 'granted' || document.visibilityState !== 'hidden') return;
    try {
      const notification = new Notification(params.title, { body: params.body, tag: params.tag });
      notification.onclick = () => {
        window.focus();
        params.onClick();
        notification.close();
      };
    } catch {
      // Some browsers allow notifications only from a service worker: the title and chime still alert.
    }
  },
};
