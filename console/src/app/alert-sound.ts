/**
 * A short two-tone chime for a new escalation, with an on/off preference kept per browser.
 * Browsers only let a page make sound after the person has interacted with it; signing in
 * counts, and if the browser still refuses, the title badge carries the alert alone.
 */
const STORAGE_KEY = 'hibachi.console.sound';

type Listener = () => void;
const listeners = new Set<Listener>();

export const soundPreference = {
  get(): boolean {
    return window.localStorage.getItem(STORAGE_KEY) !== 'off';
  },
  set(enabled: boolean): void {
    window.localStorage.setItem(STORAGE_KEY, enabled ? 'on' : 'off');
    for (const listener of [...listeners]) listener();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

let audio: AudioContext | null = null;

export function playAlertChime(): void {
  if (!soundPreference.get() || typeof AudioContext === 'undefined') return;
  try {
    audio ??= new AudioContext();
    void audio.resume().catch(() => undefined);
    const start = audio.currentTime;
    for (const [offset, frequency] of [
      [0, 880],
      [0.18, 1175],
    ] as const) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.2, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.3);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.32);
    }
  } catch {
    // No audio device or not allowed: the badge in the title still shows the alert.
  }
}
