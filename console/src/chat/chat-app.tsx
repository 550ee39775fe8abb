import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ChatMessageFieldsFragment } from '../graphql/generated/graphql';
import { ChatError, listenForReplies, loadHistory, loadWelcome, sendMessage, sendTyping, startSession, type ReplyStatus, type Welcome } from './chat-client';

const SESSION_KEY = 'hibachi.webchat.session';
const TRANSCRIPT_KEY = 'hibachi.webchat.transcript';
/** The server refuses longer messages; saying so here saves a round trip. */
const MAX_LENGTH = 2000;
const KEPT_MESSAGES = 200;
/** While the customer keeps typing, the team is told again this often (the server holds each for 6 s). */
const TYPING_RENEW_MS = 3000;
const MAX_ROWS = 5;

type ChatMessage = ChatMessageFieldsFragment;

/** A message the customer sent that the server has not stored yet, or refused to. */
interface Outgoing {
  localId: string;
  text: string;
  createdAt: string;
  state: 'sending' | 'failed';
  problem?: string;
}

function loadTranscript(): ChatMessage[] {
  try {
    const stored = JSON.parse(window.localStorage.getItem(TRANSCRIPT_KEY) ?? '[]') as unknown;
    return Array.isArray(stored) ? (stored as ChatMessage[]) : [];
  } catch {
    return [];
  }
}

/** Adds messages once each (a reply arrives both with the send and on the subscription), in time order. */
function withMessages(current: ChatMessage[], added: ChatMessage[]): ChatMessage[] {
  const known = new Set(current.map((message) => message.id));
  const fresh = added.filter((message) => !known.has(message.id));
  if (fresh.length === 0) return current;
  return [...current, ...fresh].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).slice(-KEPT_MESSAGES);
}

const WHO: Record<Exclude<ChatMessage['author'], 'SYSTEM'>, string> = { CUSTOMER: 'You', AI: 'Assistant', STAFF: 'Our team' };

const timeOnly = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dayAndTime = new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });

/** "6:04 PM" today, "Mon, Nov 30, 6:04 PM" before, in the customer's own clock. */
function stamp(iso: string): string {
  const at = new Date(iso);
  return at.toDateString() === new Date().toDateString() ? timeOnly.format(at) : dayAndTime.format(at);
}

/**
 * The customers' chat window. The session token and the transcript stay in this browser, so
 * a reload continues the same conversation; replies from the assistant and from staff who
 * take over arrive live, and on every (re)connection the chat catches up from the server, so a
 * reply written while the window was closed or offline is shown too. The customer's own message
 * shows at once; one the server did not take is marked, with Retry.
 */
export function ChatApp() {
  const id = useId();
  const [sessionToken, setSessionToken] = useState<string | null>(() => window.localStorage.getItem(SESSION_KEY));
  const [messages, setMessages] = useState<ChatMessage[]>(loadTranscript);
  const [outgoing, setOutgoing] = useState<Outgoing[]>([]);
  const [draft, setDraft] = useState('');
  const [status, setStatus] = useState<ReplyStatus | null>(null);
  const [welcome, setWelcome] = useState<Welcome | null>(null);
  const [teamTyping, setTeamTyping] = useState<{ name: string; until: number } | null>(null);
  const typingSentAt = useRef(0);
  const end = useRef<HTMLLIElement>(null);

  useEffect(() => {
    window.localStorage.setItem(TRANSCRIPT_KEY, JSON.stringify(messages));
  }, [messages]);
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'nearest' });
  }, [messages, outgoing, teamTyping]);

  useEffect(() => {
    if (welcome) document.title = `Chat with ${welcome.businessName}`;
  }, [welcome]);

  useEffect(() => {
    const read = () => loadWelcome().then(setWelcome, () => undefined);
    void read();
    // Opening hours pass while a chat stays open: read again now and then.
    const timer = window.setInterval(() => void read(), 5 * 60_000);
    return () => window.clearInterval(timer);
  }, []);

  useEffect(() => {
    if (!sessionToken) return;
    const catchUp = () =>
      loadHistory(sessionToken).then(
        (history) => setMessages((current) => withMessages(current, history)),
        () => undefined, // offline or refused: the next reconnection tries again
      );
    return listenForReplies({
      sessionToken,
      onReply: (reply) => {
        setMessages((current) => withMessages(current, [reply]));
        if (reply.author === 'STAFF') setTeamTyping(null);
      },
      onTyping: (typing) => setTeamTyping(typing.typing ? { name: typing.name, until: Date.now() + typing.expiresInSeconds * 1000 } : null),
      onStatus: (next) => {
        setStatus(next);
        // Listening from now on: read what came before, so nothing falls in between.
        if (next === 'connected') void catchUp();
      },
    });
  }, [sessionToken]);

  // "… is typing" holds only as long as the team's last word on it says.
  useEffect(() => {
    if (!teamTyping) return;
    const timer = window.setTimeout(() => setTeamTyping(null), Math.max(0, teamTyping.until - Date.now()));
    return () => window.clearTimeout(timer);
  }, [teamTyping]);

  async function ensureSession(forceNew: boolean): Promise<string> {
    if (sessionToken && !forceNew) return sessionToken;
    const token = await startSession();
    window.localStorage.setItem(SESSION_KEY, token);
    setSessionToken(token);
    return token;
  }

  function typed(text: string) {
    setDraft(text);
    if (!sessionToken) return;
    if (!text.trim()) {
      if (typingSentAt.current) sendTyping(sessionToken, false);
      typingSentAt.current = 0;
    } else if (Date.now() - typingSentAt.current >= TYPING_RENEW_MS) {
      typingSentAt.current = Date.now();
      sendTyping(sessionToken, true);
    }
  }

  /** Sends one message already on screen as "sending"; marks it failed, with the reason, if the server does not take it. */
  async function deliver(localId: string, text: string) {
    setOutgoing((current) => current.map((item) => (item.localId === localId ? { ...item, state: 'sending', problem: undefined } : item)));
    try {
      let sent;
      try {
        sent = await sendMessage(await ensureSession(false), text);
      } catch (failure) {
        // The server no longer knows this chat (expired): continue in a new one.
        if (!(failure instanceof ChatError && failure.code === 'UNKNOWN_SESSION')) throw failure;
        sent = await sendMessage(await ensureSession(true), text);
      }
      setMessages((current) => withMessages(current, sent.reply ? [sent.message, sent.reply] : [sent.message]));
      setOutgoing((current) => current.filter((item) => item.localId !== localId));
    } catch (failure) {
      const problem = failure instanceof Error ? failure.message : 'Your message was not sent. Please try again.';
      setOutgoing((current) => current.map((item) => (item.localId === localId ? { ...item, state: 'failed', problem } : item)));
    }
  }

  function submit(event?: FormEvent) {
    event?.preventDefault();
    const text = draft;
    if (!text.trim()) return;
    const localId = `local-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    setOutgoing((current) => [...current, { localId, text, createdAt: new Date().toISOString(), state: 'sending' }]);
    setDraft('');
    if (sessionToken && typingSentAt.current) sendTyping(sessionToken, false);
    typingSentAt.current = 0;
    void deliver(localId, text);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter sends; Shift+Enter (or Enter while composing an accented letter) is part of the text.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
  }

  const businessName = welcome?.businessName ?? 'Chat with us';
  const rows = Math.min(MAX_ROWS, Math.max(1, draft.split('\n').length));

  return (
    <main className="chat">
      <header className="chat__header">
        <h1 data-testid="chat-business-name">{businessName}</h1>
        <p>Ask about dates, prices or your booking. A person can join whenever you ask for one.</p>
        {welcome?.afterHoursNotice && (
          <p className="chat__after-hours" role="note" data-testid="after-hours">
            {welcome.afterHoursNotice}
          </p>
        )}
        {status && status !== 'connected' && (
          <p className="chat__status" role="status">
            {status === 'connecting' ? 'Connecting…' : 'Reconnecting… replies will appear when we are back.'}
          </p>
        )}
      </header>
      <ol className="chat__messages" aria-label="Conversation" aria-live="polite" data-testid="chat-messages">
        {messages.length === 0 && outgoing.length === 0 && <li className="chat__empty">Say hello to start.</li>}
        {messages.map((message) => (
          <li key={message.id} className={`chat__message chat__message--${message.author === 'CUSTOMER' ? 'mine' : 'theirs'}`} data-author={message.author}>
            {/* A staff reply is signed with the first name of who wrote it. */}
            <span className="chat__who">
              {message.author === 'SYSTEM' ? (welcome?.businessName ?? 'Update') : message.author === 'STAFF' && message.senderName ? message.senderName : WHO[message.author]} ·{' '}
              <time dateTime={message.createdAt}>{stamp(message.createdAt)}</time>
            </span>
            <p>{message.text}</p>
          </li>
        ))}
        {outgoing.map((item) => (
          <li key={item.localId} className={`chat__message chat__message--mine chat__message--${item.state}`} data-status={item.state} data-testid="outgoing">
            <span className="chat__who">
              You · {item.state === 'sending' ? 'Sending…' : <time dateTime={item.createdAt}>{stamp(item.createdAt)}</time>}
            </span>
            <p>{item.text}</p>
            {item.state === 'failed' && (
              <div className="chat__failed" role="alert">
                <span>Not sent. {item.problem}</span>
                <button type="button" onClick={() => void deliver(item.localId, item.text)}>
                  Retry
                </button>
              </div>
            )}
          </li>
        ))}
        {teamTyping && (
          <li className="chat__typing" role="status" data-testid="team-typing">
            {teamTyping.name} is typing…
          </li>
        )}
        <li ref={end} aria-hidden="true" className="chat__end" />
      </ol>
      <form className="chat__form" onSubmit={submit}>
        <label htmlFor={`${id}-text`} className="visually-hidden">
          Your message
        </label>
        <textarea
          id={`${id}-text`}
          value={draft}
          rows={rows}
          maxLength={MAX_LENGTH}
          autoComplete="off"
          placeholder="Type a message (Shift+Enter for a new line)"
          aria-describedby={`${id}-keys`}
          onChange={(event) => typed(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="submit" disabled={!draft.trim()}>
          Send
        </button>
        <span id={`${id}-keys`} className="visually-hidden">
          Enter sends. Shift and Enter start a new line.
        </span>
      </form>
    </main>
  );
}
