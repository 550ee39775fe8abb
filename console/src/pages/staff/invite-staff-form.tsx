import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { FormField } from '../../components/form-field';
import { FORM_LIMITS } from '../../components/form-limits';
import { describeError, FormAlert, indexUserErrors, type UserErrorLike } from '../../components/user-errors';
import type { StaffMemberFieldsFragment, StaffRole } from '../../graphql/generated/graphql';
import { createStaffUserMutation, staffUsersQuery } from './staff-operations';
import { ExtensionSelect, type ExtensionChoice } from './extension-select';
import { ROLE_CHOICES, STAFF_PAGE_VARIABLES } from './staff-labels';

const LIMITS = FORM_LIMITS.staffUser;
const OWN_FIELDS = new Set(['email', 'displayName', 'role', 'password', 'extensionId']);

/**
 * Adds a person: invited with a one-time link to set their own password (the default: nobody
 * else ever knows it), or given a password now. The server answers every problem at once.
 */
export function InviteStaffForm(props: {
  extensions: readonly ExtensionChoice[];
  onCancel: () => void;
  onSaved: (saved: { staffUser: StaffMemberFieldsFragment; passwordLink: { path: string; expiresAt: string } | null }) => void;
}) {
  const id = useId();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<StaffRole>('STAFF');
  const [extensionId, setExtensionId] = useState('');
  const [how, setHow] = useState<'link' | 'password'>('link');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [createStaffUser, { loading }] = useMutation(createStaffUserMutation, { refetchQueries: [{ query: staffUsersQuery, variables: STAFF_PAGE_VARIABLES }] });
  const { byField, general } = indexUserErrors(errors, (field) => (OWN_FIELDS.has(field) ? field : undefined));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors([]);
    try {
      const { data } = await createStaffUser({
        variables: { input: { email, displayName, role, extensionId: extensionId || null, password: how === 'password' ? password : null } },
      });
      const payload = data?.createStaffUser;
      if (payload?.userErrors.length) return setErrors(payload.userErrors);
      if (payload?.staffUser) props.onSaved({ staffUser: payload.staffUser, passwordLink: payload.passwordLink ?? null });
    } catch (error) {
      setErrors([{ field: null, message: describeError(error) }]);
    }
  }

  return (
    <form className="card staff-form" aria-labelledby={`${id}-title`} noValidate onSubmit={submit}>
      <h2 id={`${id}-title`}>Invite someone</h2>
      <FormAlert messages={general} />
      <div className="form-grid">
        <FormField id={`${id}-email`} label="Email" messages={byField.get('email')} hint="They sign in with this address.">
          {(control) => <input {...control} type="email" value={email} maxLength={LIMITS.email.maxLength} autoComplete="off" onChange={(e) => setEmail(e.target.value)} />}
        </FormField>
        <FormField id={`${id}-displayName`} label="Name" messages={byField.get('displayName')} hint="Shown to colleagues, and to customers on replies.">
          {(control) => <input {...control} value={displayName} maxLength={LIMITS.displayName.maxLength} autoComplete="off" onChange={(e) => setDisplayName(e.target.value)} />}
        </FormField>
        <FormField id={`${id}-role`} label="Role" messages={byField.get('role')}>
          {(control) => (
            <select {...control} value={role} onChange={(e) => setRole(e.target.value as StaffRole)}>
              {ROLE_CHOICES.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id={`${id}-extensionId`} label="Extension" messages={byField.get('extensionId')} hint="The extension they answer: signing in makes it available.">
          {(control) => <ExtensionSelect control={control} extensions={props.extensions} value={extensionId} onChange={setExtensionId} />}
        </FormField>
      </div>

      <fieldset className="choice">
        <legend>Password</legend>
        <label className="choice__option">
          <input type="radio" name={`${id}-how`} checked={how === 'link'} onChange={() => setHow('link')} /> Give them a one-time link to set their own
        </label>
        <label className="choice__option">
          <input type="radio" name={`${id}-how`} checked={how === 'password'} onChange={() => setHow('password')} /> Set a password now
        </label>
        {how === 'password' && (
          <FormField id={`${id}-password`} label="Password" messages={byField.get('password')} hint={`At least ${LIMITS.password.minLength} characters.`}>
            {(control) => (
              <input
                {...control}
                type="password"
                value={password}
                minLength={LIMITS.password.minLength}
                maxLength={LIMITS.password.maxLength}
                autoComplete="new-password"
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </FormField>
        )}
      </fieldset>

      <div className="actions">
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? 'Saving…' : how === 'link' ? 'Invite' : 'Add'}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
