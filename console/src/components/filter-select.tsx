import { useId } from 'react';

/** A labelled <select> for a list filter; options are [value, label] pairs. */
export function FilterSelect<T extends string>(props: { label: string; value: T; onChange: (value: T) => void; options: ReadonlyArray<readonly [T, string]> }) {
  const id = useId();
  return (
    <div className="field field--inline">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(event) => props.onChange(event.target.value as T)}>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
