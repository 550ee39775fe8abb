import { createColumnHelper, FlexRender, tableFeatures, useTable, type ColumnDef, type RowData } from '@tanstack/react-table';
import type { ComponentType, HTMLAttributes, ReactNode } from 'react';

/** What a list's column says about its cells beyond how to render them. */
export interface ListColumnMeta {
  /** The cell names its row (rendered as <th scope="row">), e.g. the customer. */
  rowHeader?: boolean;
  className?: string;
  testId?: string;
  /** The column's heading is for screen readers only (a row's action buttons). */
  headerHidden?: boolean;
  title?: (value: unknown) => string | undefined;
}

/**
 * The console's lists are sorted and paged by the API; the table library lays out columns and
 * rows (TanStack Table's core: header groups, cells, row ids), no client-side processing.
 */
const listFeatures = tableFeatures({ columnMeta: {} as ListColumnMeta });
type ListFeatures = typeof listFeatures;

/** Column definitions for a list of `Row`s: `listColumns<Row>().columns([...])`. */
export function listColumns<Row extends RowData>() {
  return createColumnHelper<ListFeatures, Row>();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list's columns hold values of differing types
export type ListColumns<Row extends RowData> = Array<ColumnDef<ListFeatures, Row, any>>;

export type RowAttributes = HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string | undefined };

/** Renders a list row's <tr>: the default sets the row's attributes; a page can own the row (state shared by its cells). */
export type ListRowComponent<Row extends RowData> = ComponentType<{ item: Row; attributes: RowAttributes; children: ReactNode }>;

function PlainRow<Row extends RowData>({ attributes, children }: { item: Row; attributes: RowAttributes; children: ReactNode }) {
  return <tr {...attributes}>{children}</tr>;
}

/**
 * A list as a table on a wide screen and as a column of cards on a phone (styles.css,
 * `.table--cards`): each cell carries its column's name in `data-label`, shown beside the value
 * once the header row is hidden.
 */
export function DataTable<Row extends RowData>(props: {
  columns: ListColumns<Row>;
  data: readonly Row[];
  getRowId: (row: Row) => string;
  rowAttributes?: (row: Row) => RowAttributes;
  Row?: ListRowComponent<Row>;
  className?: string;
  label?: { labelledBy: string } | { label: string };
  testId?: string;
  /** Shown inside the table's box above the rows (a refresh error). */
  note?: ReactNode;
  busy?: boolean;
}) {
  const table = useTable({ features: listFeatures, columns: props.columns, data: props.data as Row[], getRowId: props.getRowId });
  const RowComponent: ListRowComponent<Row> = props.Row ?? PlainRow;
  const label = props.label && ('labelledBy' in props.label ? { 'aria-labelledby': props.label.labelledBy } : { 'aria-label': props.label.label });

  return (
    <div className="table-wrap" aria-busy={props.busy || undefined}>
      {props.note}
      <table className={`table table--cards${props.className ? ` ${props.className}` : ''}`} data-testid={props.testId} {...label}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta;
                const content = header.isPlaceholder ? null : <FlexRender header={header} />;
                return (
                  <th key={header.id} scope="col" className={meta?.className}>
                    {meta?.headerHidden ? <span className="visually-hidden">{content}</span> : content}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <RowComponent key={row.id} item={row.original} attributes={props.rowAttributes?.(row.original) ?? {}}>
              {row.getAllCells().map((cell) => {
                const { columnDef } = cell.column;
                const meta = columnDef.meta;
                const Cell = meta?.rowHeader ? 'th' : 'td';
                const header = columnDef.header;
                return (
                  <Cell
                    key={cell.id}
                    scope={meta?.rowHeader ? 'row' : undefined}
                    className={meta?.className}
                    data-testid={meta?.testId}
                    data-label={typeof header === 'string' && !meta?.headerHidden ? header : undefined}
                    title={meta?.title?.(cell.getValue())}
                  >
                    <FlexRender cell={cell} />
                  </Cell>
                );
              })}
            </RowComponent>
          ))}
        </tbody>
      </table>
    </div>
  );
}
