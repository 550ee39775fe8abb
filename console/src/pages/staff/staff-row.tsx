import { useMutation } from '@apollo/client/react';
import { useId } from 'react';
import { describeError } from '../../components/user-errors';
import type { StaffMemberFieldsFragment, StaffRole } from '../../graphql/generated/graphql';
import { STATUS_LABELS } from '../extensions/status';
import { ExtensionSelect, type ExtensionChoice } from './extension-select';
import { ROLE_CHOICES } from './staff-labels';
import { createStaffPasswordLinkMutation, setStaffUserActiveMutation, updateStaffUserMutation } from './staff-operations';

type Message = { kind: 'success' | 'error'; text: string };

function accountState(member: StaffMemberFieldsFragment): string {
  if (member.deactivatedAt) return 'Deactivated';
  return member.hasPassword ? 'Active' : 'Invited: no password yet';
}

/** One person: role and extension changed in place, a new password link, deactivate or restore (never delete). */
export function StaffRow(props: {
  member: StaffMemberFieldsFragment;
  isMe: boolean;
  extensions: readonly ExtensionChoice[];
  onMessage: (message: Message) => void;
  onPasswordLink: (link: { who: string; path: string; expiresAt: string }) => void;
}) {
  const { member, isMe, onMessage } = props;
  const id = useId();
  const [update, updateState] = useMutation(updateStaffUserMutation);
  const [setActive, activeState] = useMutation(setStaffUserActiveMutation);
  const [newLink, linkState] = useMutation(createStaffPasswordLinkMutation);
  const busy = updateState.loading || activeState.loading || linkState.loading;

  async function run(action: () => Promise<readonly { message: string }[] | undefined>, success: string) {
    try {
      const errors = await action();
      if (errors?.length) onMessage({ kind: 'error', text: `${member.displayName}: ${errors.map((e) => e.message).join(' ')}` });
      else onMessage({ kind: 'success', text: success });
    } catch (error) {
      onMessage({ kind: 'error', text: `${member.displayName}: ${describeError(error)}` });
    }
  }

  const changeRole = (role: StaffRole) =>
    run(async () => (await update({ variables: { input: { id: member.id, role } } })).data?.updateStaffUser.userErrors, `${member.displayName} is now ${role === 'ADMIN' ? 'an admin' : 'staff'}.`);
  const changeExtension = (extensionId: string) =>
    run(
      async () => (await update({ variables: { input: { id: member.id, extensionId: extensionId || null } }, refetchQueries: ['Extensions'] })).data?.updateStaffUser.userErrors,
      extensionId ? `${member.displayName} now answers the extension chosen.` : `${member.displayName} answers no extension now.`,
    );
  const toggleActive = () =>
    run(
      async () => (await setActive({ variables: { id: member.id, active: Boolean(member.deactivatedAt) } })).data?.setStaffUserActive.userErrors,
      member.deactivatedAt ? `${member.displayName} can sign in again.` : `${member.displayName} is deactivated: signed out everywhere, their history kept.`,
    );
  const passwordLink = () =>
    run(async () => {
      const payload = (await newLink({ variables: { id: member.id } })).data?.createStaffPasswordLink;
      if (payload?.passwordLink) props.onPasswordLink({ who: member.displayName, ...payload.passwordLink });
      return payload?.userErrors;
    }, `New set-password link for ${member.displayName}; earlier links no longer work.`);

  return (
    <tr data-testid={`staff-row-${member.email}`} aria-busy={busy || undefined}>
      <th scope="row" data-label="Name">
        {member.displayName}
        {isMe && <span className="muted"> (you)</span>}
      </th>
      <td data-label="Email">{member.email}</td>
      <td data-label="Role">
        <select aria-label={`Role of ${member.displayName}`} value={member.role} disabled={busy || isMe} onChange={(e) => void changeRole(e.target.value as StaffRole)}>
          {ROLE_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </td>
      <td data-label="Extension">
        <ExtensionSelect
          control={{ id: `${id}-extension`, 'aria-label': `Extension of ${member.displayName}` }}
          extensions={props.extensions}
          staffUserId={member.id}
          value={member.extension?.id ?? ''}
          disabled={busy}
          onChange={(extensionId) => void changeExtension(extensionId)}
        />
        {member.extension && <span className="muted staff-row__presence"> {STATUS_LABELS[member.extension.status]}</span>}
      </td>
      <td data-label="Account">{accountState(member)}</td>
      <td data-label="" className="staff-row__actions">
        {!member.deactivatedAt && (
          <button type="button" className="button button--small" disabled={busy} onClick={() => void passwordLink()}>
            New password link
          </button>
        )}
        {!isMe && (
          <button type="button" className={`button button--small${member.deactivatedAt ? '' : ' button--danger'}`} disabled={busy} onClick={() => void toggleActive()}>
            {member.deactivatedAt ? 'Restore' : 'Deactivate'}
          </button>
        )}
      </td>
    </tr>
  );
}
