/** A thread's (or the inbox's) unread customer messages; nothing when there are none. */
export function UnreadBadge({ count, testId = 'unread-count' }: { count: number | null | undefined; testId?: string }) {
  if (!count) return null;
  return (
    <span className="badge badge--unread" data-testid={testId} aria-label={`${count} unread`} title={`${count} unread`}>
      {count}
    </span>
  );
}
