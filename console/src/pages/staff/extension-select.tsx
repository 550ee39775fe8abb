import type { ControlProps } from '../../components/form-field';

export interface ExtensionChoice {
  id: string;
  number: number;
  employeeName: string;
  staffUserId: string | null;
}

/** The extensions a person may be linked to: none, or one nobody else answers. */
export function ExtensionSelect(props: {
  control: ControlProps & { 'aria-label'?: string };
  extensions: readonly ExtensionChoice[];
  value: string;
  onChange: (extensionId: string) => void;
  /** The person being edited: their own extension stays a choice. */
  staffUserId?: string;
  disabled?: boolean;
}) {
  const free = props.extensions.filter((extension) => !extension.staffUserId || extension.staffUserId === props.staffUserId);
  return (
    <select {...props.control} value={props.value} disabled={props.disabled} onChange={(e) => props.onChange(e.target.value)}>
      <option value="">None</option>
      {free.map((extension) => (
        <option key={extension.id} value={extension.id}>
          {extension.number} · {extension.employeeName}
        </option>
      ))}
    </select>
  );
}
