import { useMutation } from '@apollo/client/react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { toSessionUser, useSessionStore } from '../../app/console-context';
import { loginMutation } from '../../graphql/operations';
import { describedBy, describeError, FieldError, FormAlert, indexUserErrors, type UserErrorLike } from '../../components/user-errors';
import { FORM_LIMITS } from '../../components/form-limits';

const FIELDS = new Set(['email', 'password']);

/** Email and password; on success the session store switches the console to the signed-in view. */
export function LoginPage({ notice }: { notice: string | null }) {
  const sessions = useSessionStore();
  const id = useId();
  const [login, { loading }] = useMutation(loginMutation);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  // Why the last session ended stops applying once this form has been tried: beside a refusal
  // ("this account has been deactivated") it reads as a contradiction.
  const [tried, setTried] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const { byField, general } = indexUserErrors(errors, (field) => (FIELDS.has(field) ? field : undefined));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    const missing: UserErrorLike[] = [];
    if (!email.trim()) missing.push({ field: 'email', message: 'Email: enter the email address you sign in with, for example name@example.com.' });
    if (!password) missing.push({ field: 'password', message: 'Password: enter your password.' });
    if (missing.length) {
      setErrors(missing);
      (missing[0].field === 'email' ? emailRef : passwordRef).current?.focus();
      return;
    }
    setErrors([]);
    try {
      const { data } = await login({ variables: { input: { email: email.trim(), password } } });
      const payload = data?.login;
      if (payload?.userErrors.length) {
        setErrors(payload.userErrors);
        const first = payload.userErrors.find((e) => e.field && FIELDS.has(e.field))?.field;
        if (first === 'email') emailRef.current?.focus();
        else passwordRef.current?.select();
        return;
      }
      if (!payload?.token || !payload.staffUser) {
        setErrors([{ field: null, message: 'The server did not return a session. Try again.' }]);
        return;
      }
      sessions.signIn({ token: payload.token, expiresAt: payload.expiresAt, user: toSessionUser(payload.staffUser) });
    } catch (error) {
      setErrors([{ field: null, message: describeError(error) }]);
    }
  }

  return (
    <main className="login">
      <form className="card login__form" aria-labelledby={`${id}-title`} noValidate onSubmit={submit}>
        <h1 id={`${id}-title`}>Sign in</h1>
        <p className="muted">Hibachi staff console</p>
        {notice && !tried && (
          <p role="status" className="notice notice--info">
            {notice}
          </p>
        )}
        <FormAlert title="Could not sign in" messages={general} />

        <div className="field">
          <label htmlFor={`${id}-email`}>Email</label>
          <input
            ref={emailRef}
            id={`${id}-email`}
            name="email"
            type="email"
            autoComplete="username"
            autoFocus
            maxLength={FORM_LIMITS.signIn.email.maxLength}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            {...describedBy({ errorId: `${id}-email-error`, messages: byField.get('email') })}
          />
          <FieldError id={`${id}-email-error`} messages={byField.get('email')} />
        </div>

        <div className="field">
          <label htmlFor={`${id}-password`}>Password</label>
          <input
            ref={passwordRef}
            id={`${id}-password`}
            name="password"
            type="password"
            autoComplete="current-password"
            maxLength={FORM_LIMITS.signIn.password.maxLength}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            {...describedBy({ errorId: `${id}-password-error`, messages: byField.get('password') })}
          />
          <FieldError id={`${id}-password-error`} messages={byField.get('password')} />
        </div>

        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
