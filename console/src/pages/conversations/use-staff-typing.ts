import { useMutation } from '@apollo/client/react';
import { useCallback, useEffect, useRef } from 'react';
import { setStaffTypingMutation } from './agent-tools-operations';

/** How often a "typing" is renewed while staff keep typing (the server holds each for 6 s and throttles to one per 2 s). */
const RENEW_MS = 3000;

/**
 * Tells a web chat customer that the staff member holding their thread is typing: once when
 * they start, again every few seconds while they go on, and "stopped" when the box empties, the
 * reply is sent or the page closes. Failures are ignored: it is only a hint.
 */
export function useStaffTyping(conversationId: string, enabled: boolean) {
  const [setTyping] = useMutation(setStaffTypingMutation);
  const lastSent = useRef(0);
  const tell = useCallback(
    (typing: boolean) => void setTyping({ variables: { conversationId, typing } }).catch(() => undefined),
    [conversationId, setTyping],
  );
  const stopped = useCallback(() => {
    if (lastSent.current === 0) return;
    lastSent.current = 0;
    tell(false);
  }, [tell]);
  const typed = useCallback(
    (text: string) => {
      if (!enabled) return;
      if (!text.trim()) return stopped();
      if (Date.now() - lastSent.current < RENEW_MS) return;
      lastSent.current = Date.now();
      tell(true);
    },
    [enabled, stopped, tell],
  );
  useEffect(() => stopped, [stopped]);
  return { typed, stopped };
}
