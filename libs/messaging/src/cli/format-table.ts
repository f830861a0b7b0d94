/**
 * Plain-text columns for terminal output: each column as wide as its widest cell, numbers
 * right-aligned so their digits line up.
 */
export function formatTable(header: string[], rows: (string | number)[][]): string {
  const cells = rows.map((row) => row.map(String));
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((row) => row[column]?.length ?? 0)),
  );
  const numeric = header.map(
    (_, column) => cells.length > 0 && cells.every((row) => /^-?[\d,]+(\.\d+)?$/.test(row[column] ?? '')),
  );
  const line = (row: string[]) =>
    row
      .map((cell, column) =>
        numeric[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  return [line(header), ...cells.map(line)].join('\n');
}
