import type { ReactNode } from 'react';
import { describedBy, FieldError } from './user-errors';

/** What a field's control needs to be tied to its label, hint and error. */
export interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/**
 * A labelled form field: its label, the control (rendered by `children` with the ids that tie
 * them together), an optional hint, and the field's errors under it.
 */
export function FormField(props: {
  id: string;
  label: string;
  messages?: readonly string[];
  hint?: ReactNode;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const { id, label, messages, hint, className, children } = props;
  const hintId = hint ? `${id}-hint` : undefined;
  const control = { id, ...describedBy({ errorId: `${id}-error`, messages, hintId }) };
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children(control)}
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} messages={messages} />
    </div>
  );
}

/** A checkbox with its label beside it, a hint under both, and its errors. */
export function CheckboxField(props: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  messages?: readonly string[];
  hint?: ReactNode;
  disabled?: boolean;
}) {
  const { id, label, checked, onChange, messages, hint, disabled } = props;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field field--check">
      <div className="field--check__row">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={disabled}
          onChange={(event) => onChange(event.target.checked)}
          {...describedBy({ errorId: `${id}-error`, messages, hintId })}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} messages={messages} />
    </div>
  );
}
