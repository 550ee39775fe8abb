import { CombinedGraphQLErrors, ServerError } from '@apollo/client';

/** A mutation's `userErrors` entry, or one the console makes up for a failure of its own. */
export interface UserErrorLike {
  field: string | null;
  message: string;
  code?: string;
}

export interface IndexedErrors {
  /** Messages for a field the form shows, keyed by the form's own field key. */
  byField: Map<string, string[]>;
  /** Messages for no field, or for a field the form has no place for: shown at the top. */
  general: string[];
}

/**
 * Sorts userErrors by where the form shows them. `placeOf` maps the API's dotted path
 * (e.g. "workingHours.2.end") to the form's field key, or undefined when the form has no such field.
 */
export function indexUserErrors(errors: readonly UserErrorLike[], placeOf: (field: string) => string | undefined): IndexedErrors {
  const byField = new Map<string, string[]>();
  const general: string[] = [];
  for (const error of errors) {
    const place = error.field ? placeOf(error.field) : undefined;
    if (place === undefined) {
      general.push(error.message);
      continue;
    }
    byField.set(place, [...(byField.get(place) ?? []), error.message]);
  }
  return { byField, general };
}

/** A sentence a person can act on for an error that is not a userError (network, permission, server). */
export function describeError(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) return error.errors.map((e) => e.message).join(' ');
  if (ServerError.is(error)) {
    if (error.statusCode === 429) return 'Too many requests. Wait a minute and try again.';
    return `The server answered with an error (HTTP ${error.statusCode}). Try again in a moment.`;
  }
  if (error instanceof TypeError) return 'Could not reach the server. Check the connection and try again.';
  return error instanceof Error ? error.message : 'Something went wrong. Try again.';
}

/** Attributes that tie an input to its error message (and optional hint) for assistive technology. */
export function describedBy(params: { errorId: string; messages?: readonly string[]; hintId?: string }): {
  'aria-invalid'?: true;
  'aria-describedby'?: string;
} {
  const ids = [params.messages?.length ? params.errorId : undefined, params.hintId].filter(Boolean);
  return {
    ...(params.messages?.length ? { 'aria-invalid': true as const } : {}),
    ...(ids.length ? { 'aria-describedby': ids.join(' ') } : {}),
  };
}

export function FieldError({ id, messages }: { id: string; messages?: readonly string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="field-error">
      {messages.join(' ')}
    </p>
  );
}

/** Errors that belong to the whole form, announced when they appear. */
export function FormAlert({ messages, title = 'Could not save' }: { messages: readonly string[]; title?: string }) {
  if (messages.length === 0) return null;
  return (
    <div role="alert" className="form-alert">
      <strong>{title}</strong>
      {messages.length === 1 ? (
        <p>{messages[0]}</p>
      ) : (
        <ul>
          {messages.map((message, index) => (
            <li key={index}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
