/**
 * The path of the first string in `value` that PostgreSQL cannot store as text (it refuses the NUL
 * character), or undefined. Checked when an event is decoded, so such an event is dead-lettered
 * with a reason instead of failing inside a handler's transaction.
 */
export function unstorableTextPath(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(value)' : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unstorableTextPath(item, `${path}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [key, item] of Object.entries(value)) {
      const found = unstorableTextPath(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return undefined;
}
