import { useApolloClient, useQuery } from '@apollo/client/react';
import { useEffect, useId, useLayoutEffect, useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import { describeError } from '../../components/user-errors';
import type { CannedReplyFieldsFragment } from '../../graphql/generated/graphql';
import { cannedRepliesQuery, fillCannedReplyQuery } from './agent-tools-operations';

/** "/dep" while the box holds nothing but a slash and a word: the canned replies offered for it. */
function shortcutQuery(text: string): string | null {
  const match = /^\/(\S*)$/.exec(text);
  return match ? match[1].toLowerCase() : null;
}

function matching(replies: readonly CannedReplyFieldsFragment[], query: string): CannedReplyFieldsFragment[] {
  const starts = replies.filter((reply) => reply.shortcut.startsWith(query));
  const contains = replies.filter((reply) => !reply.shortcut.startsWith(query) && (reply.shortcut.includes(query) || reply.title.toLowerCase().includes(query)));
  return [...starts, ...contains];
}

/**
 * Canned replies in the reply box: typing "/" offers them (narrowed as the shortcut is typed),
 * arrow keys move, Enter or Tab picks, Escape closes. A picked reply comes back filled from the
 * thread's customer and booking; placeholders the thread has no value for stay in braces, are
 * listed under the box and the first is selected, for staff to type over before sending (the
 * server refuses a reply that still holds one).
 */
export function useCannedReplyMenu(params: {
  conversationId: string;
  text: string;
  setText: (text: string) => void;
  textarea: RefObject<HTMLTextAreaElement | null>;
  disabled: boolean;
}) {
  const { conversationId, text, setText, textarea, disabled } = params;
  const listId = useId();
  const client = useApolloClient();
  const query = disabled ? null : shortcutQuery(text);
  const { data } = useQuery(cannedRepliesQuery, { skip: query === null, fetchPolicy: 'cache-and-network' });
  const options = useMemo(() => (query === null ? [] : matching(data?.cannedReplies ?? [], query)), [data, query]);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [unfilled, setUnfilled] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  /** What to select once the picked reply is in the box: its first unfilled placeholder, or '' for the end. */
  const [selectAfterFill, setSelectAfterFill] = useState<string | null>(null);
  const open = query !== null && dismissed !== text && (options.length > 0 || data !== undefined);

  useEffect(() => setActive(0), [query]);
  // Once the picked reply is in the box: ready to type over the first value this thread lacks, else at the end, ready to send.
  useLayoutEffect(() => {
    const box = textarea.current;
    if (selectAfterFill === null || !box) return;
    setSelectAfterFill(null);
    box.focus();
    const at = selectAfterFill ? box.value.indexOf(selectAfterFill) : -1;
    if (at >= 0) box.setSelectionRange(at, at + selectAfterFill.length);
    else box.setSelectionRange(box.value.length, box.value.length);
  }, [selectAfterFill, textarea]);
  // Typed over: a placeholder no longer in the text needs no reminder.
  const stillUnfilled = unfilled.filter((token) => text.includes(token));

  async function choose(reply: CannedReplyFieldsFragment) {
    setProblem(null);
    try {
      const { data: filled } = await client.query({ query: fillCannedReplyQuery, variables: { cannedReplyId: reply.id, conversationId }, fetchPolicy: 'network-only' });
      if (!filled) throw new Error('The canned reply could not be filled in. Try again.');
      const { text: body, unfilled: missing } = filled.fillCannedReply;
      setText(body);
      setUnfilled(missing);
      setSelectAfterFill(missing[0] ?? '');
    } catch (failure) {
      setProblem(describeError(failure));
    }
  }

  /** Handles the menu's keys; true when the key was the menu's. */
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
    if (!open || options.length === 0) {
      if (open && event.key === 'Escape') {
        setDismissed(text);
        return true;
      }
      return false;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((current) => (current + (event.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
      return true;
    }
    if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      void choose(options[Math.min(active, options.length - 1)]);
      return true;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      setDismissed(text);
      return true;
    }
    return false;
  }

  const activeId = open && options.length > 0 ? `${listId}-${Math.min(active, options.length - 1)}` : undefined;
  const comboboxProps = {
    role: 'combobox' as const,
    'aria-autocomplete': 'list' as const,
    'aria-expanded': open,
    'aria-controls': listId,
    'aria-activedescendant': activeId,
  };

  const menu = open ? (
    <ul id={listId} className="canned-menu" role="listbox" aria-label="Canned replies">
      {options.length === 0 && (
        <li className="canned-menu__empty" role="presentation">
          No canned reply starts with /{query}.
        </li>
      )}
      {options.map((reply, index) => (
        <li
          key={reply.id}
          id={`${listId}-${index}`}
          role="option"
          aria-selected={index === Math.min(active, options.length - 1)}
          className="canned-menu__option"
          // Keep the focus in the box: a click must not blur it first.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => void choose(reply)}
        >
          <strong>/{reply.shortcut}</strong> <span>{reply.title}</span>
          <span className="canned-menu__body">{reply.body}</span>
        </li>
      ))}
    </ul>
  ) : null;

  const hint =
    stillUnfilled.length > 0 || problem ? (
      <p className="field-hint field-hint--warning" role="status" data-testid="unfilled-placeholders">
        {problem ??
          `This thread has no value for ${stillUnfilled.join(', ')}. Type ${stillUnfilled.length === 1 ? 'it' : 'them'} in before sending; replies holding braces are not sent.`}
      </p>
    ) : null;

  return { onKeyDown, comboboxProps, menu, hint, placeholdersLeft: stillUnfilled };
}
