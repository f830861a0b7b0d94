/**
 * Columns for terminal output. Widths are measured on the plain text and colour is applied after
 * padding, so escape codes never throw the alignment off.
 */
export interface Column {
  title: string;
  align?: 'left' | 'right';
  /** Colours one padded cell; `row` is the index into the rows. */
  style?: (cell: string, row: number) => string;
}

export function formatTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((column, i) =>
    Math.max(column.title.length, ...rows.map((row) => row[i]?.length ?? 0)),
  );
  const last = columns.length - 1;
  const pad = (cell: string, i: number) => {
    if (i === last && columns[i]!.align !== 'right') return cell;
    return columns[i]!.align === 'right' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!);
  };
  const header = columns
    .map((column, i) => pad(column.title, i))
    .join('  ')
    .trimEnd();
  const body = rows.map((row, r) =>
    columns
      .map((column, i) => {
        const cell = pad(row[i] ?? '', i);
        return column.style ? column.style(cell, r) : cell;
      })
      .join('  ')
      .trimEnd(),
  );
  return [header, ...body].join('\n');
}
