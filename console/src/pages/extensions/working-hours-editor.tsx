import type { Weekday } from '../../graphql/generated/graphql';
import { FORM_LIMITS } from '../../components/form-limits';
import { describedBy, FieldError } from '../../components/user-errors';
import { nextWeekday, WEEKDAYS, WEEKDAY_NAMES } from './working-hours';

/** One editable range; `key` keeps React state and error messages with the row when others are removed. */
export interface HoursRow {
  key: string;
  day: Weekday;
  start: string;
  end: string;
}

let rowSequence = 0;
export function hoursRow(values: Omit<HoursRow, 'key'>): HoursRow {
  rowSequence += 1;
  return { key: `row-${rowSequence}`, ...values };
}

/** Form-level field keys for a row's parts; the form maps the API's "workingHours.2.end" onto them. */
export const rowField = (key: string, part?: 'day' | 'start' | 'end') => (part ? `hours:${key}:${part}` : `hours:${key}`);
export const HOURS_SECTION_FIELD = 'hours';

export function WorkingHoursEditor(props: {
  idPrefix: string;
  rows: HoursRow[];
  onChange: (rows: HoursRow[]) => void;
  errors: Map<string, string[]>;
}) {
  const { idPrefix, rows, onChange, errors } = props;
  const hintId = `${idPrefix}-hours-hint`;

  const update = (key: string, patch: Partial<HoursRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const remove = (key: string) => onChange(rows.filter((row) => row.key !== key));
  const add = () => {
    const last = rows.at(-1);
    onChange([...rows, hoursRow(last ? { day: nextWeekday(last.day), start: last.start, end: last.end } : { day: 'MONDAY', start: '09:00', end: '17:00' })]);
  };

  return (
    <fieldset className="hours">
      <legend>Working hours</legend>
      <p id={hintId} className="hint">
        24-hour HH:MM in the business time zone; an end of 24:00 means until midnight.
      </p>
      <FieldError id={`${idPrefix}-hours-error`} messages={errors.get(HOURS_SECTION_FIELD)} />
      {rows.length === 0 ? (
        <p className="muted">No hours: this extension is never offered escalations automatically.</p>
      ) : (
        <ol className="hours__rows">
          {rows.map((row, index) => {
            const id = `${idPrefix}-${row.key}`;
            const rowErrors = errors.get(rowField(row.key));
            const dayErrors = errors.get(rowField(row.key, 'day'));
            const startErrors = errors.get(rowField(row.key, 'start'));
            const endErrors = errors.get(rowField(row.key, 'end'));
            return (
              <li key={row.key} className="hours__row" role="group" aria-label={`Hours ${index + 1}`}>
                <div className="field field--inline">
                  <label htmlFor={`${id}-day`}>Day</label>
                  <select
                    id={`${id}-day`}
                    value={row.day}
                    onChange={(e) => update(row.key, { day: e.target.value as Weekday })}
                    {...describedBy({ errorId: `${id}-day-error`, messages: dayErrors })}
                  >
                    {WEEKDAYS.map((day) => (
                      <option key={day} value={day}>
                        {WEEKDAY_NAMES[day]}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field field--inline">
                  <label htmlFor={`${id}-start`}>Start</label>
                  <input
                    id={`${id}-start`}
                    className="input--time"
                    inputMode="numeric"
                    placeholder="09:00"
                    maxLength={FORM_LIMITS.extension.clockTime.maxLength}
                    value={row.start}
                    onChange={(e) => update(row.key, { start: e.target.value })}
                    {...describedBy({ errorId: `${id}-start-error`, messages: startErrors, hintId })}
                  />
                </div>
                <div className="field field--inline">
                  <label htmlFor={`${id}-end`}>End</label>
                  <input
                    id={`${id}-end`}
                    className="input--time"
                    inputMode="numeric"
                    placeholder="17:00"
                    maxLength={FORM_LIMITS.extension.clockTime.maxLength}
                    value={row.end}
                    onChange={(e) => update(row.key, { end: e.target.value })}
                    {...describedBy({ errorId: `${id}-end-error`, messages: endErrors ?? rowErrors, hintId })}
                  />
                </div>
                <button type="button" className="button button--quiet" aria-label={`Remove hours ${index + 1}`} onClick={() => remove(row.key)}>
                  Remove
                </button>
                <div className="hours__errors">
                  <FieldError id={`${id}-day-error`} messages={dayErrors} />
                  <FieldError id={`${id}-start-error`} messages={startErrors} />
                  <FieldError id={`${id}-end-error`} messages={endErrors ?? rowErrors} />
                  {endErrors && <FieldError id={`${id}-error`} messages={rowErrors} />}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <button type="button" className="button" onClick={add}>
        Add hours
      </button>
    </fieldset>
  );
}
