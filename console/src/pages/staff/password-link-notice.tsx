import { CopyButton } from '../../components/copy-button';

/** A one-time set-password link, shown once in full with a copy button: only its hash is kept. */
export function PasswordLinkNotice(props: { who: string; path: string; expiresAt: string; onDismiss: () => void }) {
  const url = `${window.location.origin}${props.path}`;
  const expires = new Date(props.expiresAt).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div role="status" className="notice notice--success password-link" data-testid="password-link">
      <p>
        Give <strong>{props.who}</strong> this link to set their password. It works once, until {expires}, and is shown only now.
      </p>
      <p className="password-link__row">
        <code className="password-link__url" data-testid="password-link-url">
          {url}
        </code>
        <CopyButton value={url} label="set-password link" />
      </p>
      <button type="button" className="button button--quiet button--small" onClick={props.onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
