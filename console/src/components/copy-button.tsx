import { useEffect, useState } from 'react';
import { shortHash } from './labels';

/** How long "Copied" shows before the button reads "Copy" again. */
const COPIED_FOR_MS = 2000;

/**
 * Copies through a selected, off-screen textarea: what browsers allow where the Clipboard API is
 * not (a console opened over plain http on another machine is not a secure context).
 */
function copyBySelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.top = '-1000px';
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } finally {
    area.remove();
  }
}

async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, document not focused): the selection way may still work.
  }
  return copyBySelection(text);
}

/** A small "Copy" button for a value shown shortened (a hash); says whether it worked. */
export function CopyButton({ value, label, onFailed }: { value: string; label: string; onFailed?: () => void }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), COPIED_FOR_MS);
    return () => clearTimeout(timer);
  }, [state]);

  return (
    <>
      <button type="button" className="button button--small copy-button" aria-label={`Copy ${label}`} onClick={() =>
          void copyText(value).then((ok) => {
            setState(ok ? 'copied' : 'failed');
            if (!ok) onFailed?.();
          })
        }>
        {state === 'copied' ? 'Copied' : 'Copy'}
      </button>
      <span role="status" className="visually-hidden">
        {state === 'copied' ? `${label} copied` : state === 'failed' ? `Could not copy the ${label}; it is shown in full to select and copy` : ''}
      </span>
    </>
  );
}

/**
 * A SHA-256 shown by its first characters (the whole on hover), with a button that copies all of
 * it; where copying is refused, the whole hash is shown to select by hand.
 */
export function HashValue({ value, label, testId }: { value: string; label: string; testId?: string }) {
  const [whole, setWhole] = useState(false);
  return (
    <span className="hash">
      <code title={value} data-testid={testId} data-value={value} className={whole ? 'hash__whole' : undefined}>
        {whole ? value : shortHash(value)}
      </code>
      <CopyButton value={value} label={label} onFailed={() => setWhole(true)} />
    </span>
  );
}
