import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import type {
  CreateExtensionInput,
  ExtensionFieldsFragment,
  ExtensionStatus,
  UpdateExtensionInput,
  WorkingHoursRangeInput,
} from '../../graphql/generated/graphql';
import { createExtensionMutation, updateExtensionMutation } from '../../graphql/operations';
import { describedBy, describeError, FieldError, FormAlert, indexUserErrors, type UserErrorLike } from '../../components/user-errors';
import { upsertExtension } from './extensions-cache';
import { STATUS_LABELS, STATUSES } from './status';
import { HOURS_SECTION_FIELD, hoursRow, rowField, WorkingHoursEditor, type HoursRow } from './working-hours-editor';
import { FORM_LIMITS } from '../../components/form-limits';

const LIMITS = FORM_LIMITS.extension;

interface Draft {
  number: string;
  employeeName: string;
  role: string;
  phone: string;
  status: ExtensionStatus;
  workingHours: HoursRow[];
}

const EMPTY_DRAFT = (): Draft => ({ number: '', employeeName: '', role: '', phone: '', status: 'OFFLINE', workingHours: [] });

function draftOf(extension: ExtensionFieldsFragment): Draft {
  return {
    number: String(extension.number),
    employeeName: extension.employeeName,
    role: extension.role,
    phone: extension.phone,
    status: extension.status,
    workingHours: extension.workingHours.map(({ day, start, end }) => hoursRow({ day, start, end })),
  };
}

/** People type "+1 (555) 555-0123"; the API wants E.164, "+15555550123". */
const normalisePhone = (phone: string) => phone.replace(/[\s().-]/g, '');

const hoursInput = (rows: HoursRow[]): WorkingHoursRangeInput[] =>
  rows.map(({ day, start, end }) => ({ day, start: start.trim(), end: end.trim() }));

const SIMPLE_FIELDS = new Set(['number', 'employeeName', 'role', 'phone', 'status']);

export type ExtensionFormProps =
  | { mode: 'create'; onSaved: (extension: ExtensionFieldsFragment) => void; onCancel: () => void }
  | { mode: 'edit'; extension: ExtensionFieldsFragment; onSaved: (extension: ExtensionFieldsFragment | null) => void; onCancel: () => void };

/**
 * Create or edit an extension. The server validates (unique number, E.164 phone, hours in
 * order and not overlapping) and answers with userErrors, each shown beside its field.
 */
export function ExtensionForm(props: ExtensionFormProps) {
  const id = useId();
  const original = props.mode === 'edit' ? props.extension : null;
  // The values the form opened with: an edit sends only what the person changed, so it does
  // not overwrite fields someone else changed meanwhile.
  const [initial] = useState<Draft>(() => (original ? draftOf(original) : EMPTY_DRAFT()));
  const [draft, setDraft] = useState<Draft>(initial);
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [createExtension, createState] = useMutation(createExtensionMutation);
  const [updateExtension, updateState] = useMutation(updateExtensionMutation);
  const saving = createState.loading || updateState.loading;

  // Rows as they were when the errors came back: "workingHours.2.end" names the third of those.
  const [submittedRows, setSubmittedRows] = useState<HoursRow[]>([]);
  const { byField, general } = indexUserErrors(errors, (field) => {
    if (SIMPLE_FIELDS.has(field)) return field;
    if (field === 'workingHours') return HOURS_SECTION_FIELD;
    const match = /^workingHours\.(\d+)(?:\.(day|start|end))?$/.exec(field);
    const row = match ? submittedRows[Number(match[1])] : undefined;
    if (!match || !row || !draft.workingHours.some((r) => r.key === row.key)) return undefined;
    return rowField(row.key, match[2] as 'day' | 'start' | 'end' | undefined);
  });

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const number = draft.number.trim();
    // Not digits: 0, which the server refuses with the same words as any other bad number, so
    // this problem comes back together with every other one of the form.
    const numberValue = /^\d{1,9}$/.test(number) ? Number(number) : 0;
    setErrors([]);
    setSubmittedRows(draft.workingHours);
    try {
      if (props.mode === 'create') {
        const input: CreateExtensionInput = {
          number: numberValue,
          employeeName: draft.employeeName,
          role: draft.role,
          phone: normalisePhone(draft.phone),
          status: draft.status,
          workingHours: hoursInput(draft.workingHours),
        };
        const { data } = await createExtension({
          variables: { input },
          update: (cache, { data: result }) => {
            if (result?.createExtension.extension) upsertExtension(cache, result.createExtension.extension);
          },
        });
        const payload = data?.createExtension;
        if (payload?.userErrors.length) return setErrors(payload.userErrors);
        if (payload?.extension) props.onSaved(payload.extension);
      } else {
        const input: UpdateExtensionInput = { id: props.extension.id };
        if (number !== initial.number) input.number = numberValue;
        if (draft.employeeName !== initial.employeeName) input.employeeName = draft.employeeName;
        if (draft.role !== initial.role) input.role = draft.role;
        if (draft.phone !== initial.phone) input.phone = normalisePhone(draft.phone);
        const hours = hoursInput(draft.workingHours);
        if (JSON.stringify(hours) !== JSON.stringify(hoursInput(initial.workingHours))) input.workingHours = hours;
        if (Object.keys(input).length === 1) return props.onSaved(null);
        const { data } = await updateExtension({ variables: { input } });
        const payload = data?.updateExtension;
        if (payload?.userErrors.length) return setErrors(payload.userErrors);
        if (payload?.extension) props.onSaved(payload.extension);
      }
    } catch (error) {
      setErrors([{ field: null, message: describeError(error) }]);
    }
  }

  const title = props.mode === 'create' ? 'New extension' : `Edit extension ${props.extension.number}`;
  const field = (name: 'number' | 'employeeName' | 'role' | 'phone', hint?: string) => ({
    id: `${id}-${name}`,
    name,
    value: draft[name],
    onChange: (e: { target: { value: string } }) => set(name, e.target.value),
    ...describedBy({ errorId: `${id}-${name}-error`, messages: byField.get(name), hintId: hint ? `${id}-${name}-hint` : undefined }),
  });

  return (
    <form className="card extension-form" aria-labelledby={`${id}-title`} noValidate onSubmit={submit}>
      <h2 id={`${id}-title`}>{title}</h2>
      <FormAlert messages={general} />

      <div className="extension-form__grid">
        <div className="field">
          <label htmlFor={`${id}-number`}>Number</label>
          <input {...field('number')} inputMode="numeric" maxLength={String(LIMITS.number.max).length} autoComplete="off" className="input--short" />
          <FieldError id={`${id}-number-error`} messages={byField.get('number')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-employeeName`}>Employee name</label>
          <input {...field('employeeName')} maxLength={LIMITS.employeeName.maxLength} autoComplete="off" />
          <FieldError id={`${id}-employeeName-error`} messages={byField.get('employeeName')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>Role</label>
          <input {...field('role', 'hint')} maxLength={LIMITS.role.maxLength} autoComplete="off" />
          <p id={`${id}-role-hint`} className="hint">
            Role or department, e.g. Bookings.
          </p>
          <FieldError id={`${id}-role-error`} messages={byField.get('role')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-phone`}>Phone</label>
          <input {...field('phone', 'hint')} type="tel" maxLength={LIMITS.phone.maxLength} autoComplete="off" placeholder="+1 916 555 0100" />
          <p id={`${id}-phone-hint`} className="hint">
            Receives escalation alerts by SMS. With country code, e.g. +1 916 555 0100.
          </p>
          <FieldError id={`${id}-phone-error`} messages={byField.get('phone')} />
        </div>
        {props.mode === 'create' && (
          <div className="field">
            <label htmlFor={`${id}-status`}>Status</label>
            <select
              id={`${id}-status`}
              value={draft.status}
              onChange={(e) => set('status', e.target.value as ExtensionStatus)}
              {...describedBy({ errorId: `${id}-status-error`, messages: byField.get('status') })}
            >
              {STATUSES.map((status) => (
                <option key={status} value={status}>
                  {STATUS_LABELS[status]}
                </option>
              ))}
            </select>
            <FieldError id={`${id}-status-error`} messages={byField.get('status')} />
          </div>
        )}
      </div>

      <WorkingHoursEditor idPrefix={id} rows={draft.workingHours} onChange={(rows) => set('workingHours', rows)} errors={byField} />

      <div className="actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Saving…' : props.mode === 'create' ? 'Create extension' : 'Save changes'}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
