import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { FormField } from '../../components/form-field';
import { FORM_LIMITS } from '../../components/form-limits';
import { describeError, FormAlert, indexUserErrors, type UserErrorLike } from '../../components/user-errors';
import { setPasswordWithLinkMutation } from '../staff/staff-operations';

const LIMITS = FORM_LIMITS.staffUser.password;

/**
 * Where a one-time link from an administrator opens: the person chooses their password (typed
 * twice), then signs in. The link works once, until it expires; the server says so otherwise.
 */
export function SetPasswordPage({ token }: { token: string }) {
  const id = useId();
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [email, setEmail] = useState<string | null>(null);
  const [setPasswordWithLink, { loading }] = useMutation(setPasswordWithLinkMutation);
  const { byField, general } = indexUserErrors(errors, (field) => (field === 'password' || field === 'repeated' ? field : undefined));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (password !== repeated) {
      setErrors([{ field: 'repeated', message: 'Repeat password: type the same password again; the two differ.' }]);
      return;
    }
    setErrors([]);
    try {
      const { data } = await setPasswordWithLink({ variables: { input: { token, password } } });
      const payload = data?.setPasswordWithLink;
      if (payload?.userErrors.length) return setErrors(payload.userErrors);
      setEmail(payload?.email ?? null);
    } catch (error) {
      setErrors([{ field: null, message: describeError(error) }]);
    }
  }

  return (
    <main className="login">
      {email ? (
        <div className="card login__form">
          <h1>Password set</h1>
          <p role="status">
            Your password is set. Sign in with <strong>{email}</strong>.
          </p>
          <a className="button button--primary" href="#/escalations">
            Go to sign in
          </a>
        </div>
      ) : (
        <form className="card login__form" aria-labelledby={`${id}-title`} noValidate onSubmit={submit}>
          <h1 id={`${id}-title`}>Set your password</h1>
          <p className="muted">Hibachi staff console. This link works once.</p>
          <FormAlert title="Could not set the password" messages={general} />
          <FormField id={`${id}-password`} label="New password" messages={byField.get('password')} hint={`At least ${LIMITS.minLength} characters; a few words together is easy to remember.`}>
            {(control) => (
              <input
                {...control}
                type="password"
                autoComplete="new-password"
                autoFocus
                minLength={LIMITS.minLength}
                maxLength={LIMITS.maxLength}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </FormField>
          <FormField id={`${id}-repeated`} label="Repeat password" messages={byField.get('repeated')}>
            {(control) => (
              <input {...control} type="password" autoComplete="new-password" maxLength={LIMITS.maxLength} value={repeated} onChange={(e) => setRepeated(e.target.value)} />
            )}
          </FormField>
          <button type="submit" className="button button--primary" disabled={loading}>
            {loading ? 'Saving…' : 'Set password'}
          </button>
        </form>
      )}
    </main>
  );
}
