export interface NoticeMessage {
  kind: 'success' | 'error';
  text: string;
}

/** The outcome of an action, announced when it appears (errors assertively), until dismissed. */
export function Notice({ notice, onDismiss }: { notice: NoticeMessage; onDismiss: () => void }) {
  return (
    <div role={notice.kind === 'error' ? 'alert' : 'status'} className={`notice notice--${notice.kind}`}>
      <span>{notice.text}</span>
      <button type="button" className="button button--quiet button--small" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
