/**
 * Text that PostgreSQL or Kafka cannot keep as it was sent:
 * - NUL (U+0000): PostgreSQL refuses it in text (SQLSTATE 22021), so a request carrying it would
 *   fail inside its transaction, as a 500, instead of being refused up front.
 * - a lone UTF-16 surrogate (a JSON "\ud800" escape with no partner): not Unicode text at all. It has
 *   no UTF-8 form, so on its way to PostgreSQL or into an Avro event it would silently become U+FFFD,
 *   and what was stored would not be what was sent.
 */
const UNSTORABLE_CHARACTER = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSTORABLE_CHARACTERS = new RegExp(UNSTORABLE_CHARACTER.source, 'g');

/** Why `text` cannot be stored as it is, or undefined when it can. */
export function unstorableTextProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contains a NUL character (U+0000), which cannot be stored as text';
  if (UNSTORABLE_CHARACTER.test(text)) {
    return 'contains a lone UTF-16 surrogate, which is not Unicode text and cannot be stored as sent';
  }
  return undefined;
}

export interface UnstorableText {
  /** Object keys and array indexes down to the offending string; a key that is itself unstorable ends it. */
  path: string[];
  problem: string;
}

/**
 * The first string in a parsed request part (a JSON body, a query, headers), object keys included,
 * that cannot be stored; undefined when all of it can. Walks with its own stack rather than by
 * recursion: a 100 kB JSON body can nest tens of thousands of levels deep.
 */
export function findUnstorableText(value: unknown): UnstorableText | undefined {
  // Each entry knows its parent rather than carrying its whole path: copying paths would cost the
  // square of the depth.
  const pending: Step[] = [{ value, key: undefined, parent: undefined }];
  while (pending.length > 0) {
    const step = pending.pop()!;
    const current = step.value;
    if (typeof current === 'string') {
      const problem = unstorableTextProblem(current);
      if (problem) return { path: pathOf(step), problem };
      continue;
    }
    if (current === null || typeof current !== 'object' || ArrayBuffer.isView(current)) continue;
    const entries: [string, unknown][] = Array.isArray(current)
      ? current.map((item, index) => [String(index), item])
      : Object.entries(current);
    for (const [key] of entries) {
      const problem = unstorableTextProblem(key);
      if (problem) return { path: [...pathOf(step), printable(key)], problem: `its name ${problem}` };
    }
    // Reversed onto the stack, so the first member is looked at first.
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, item] = entries[index]!;
      pending.push({ value: item, key, parent: step });
    }
  }
  return undefined;
}

interface Step {
  value: unknown;
  key: string | undefined;
  parent: Step | undefined;
}

function pathOf(step: Step): string[] {
  const path: string[] = [];
  for (let at: Step | undefined = step; at?.key !== undefined; at = at.parent) path.push(at.key);
  return path.reverse();
}

/** A name fit to quote in an error: the characters that cannot be stored written as \uXXXX escapes. */
function printable(name: string): string {
  return name.replace(
    UNSTORABLE_CHARACTERS,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
