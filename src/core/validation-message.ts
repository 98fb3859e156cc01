/**
 * One-line validation messages that name the field path, e.g.
 * `issue.items[3].url: expected an absolute URL, got "foo"`: an editor fixing a file by hand
 * needs to know where to look, and the CLI prints exactly one line per failure.
 */
import type * as v from 'valibot';

const MAX_SHOWN = 60;

/** A short, single-line picture of a value for "got …". */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    // JSON quoting escapes line breaks, so the message stays on one line.
    const quoted = JSON.stringify(value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value);
    return value.length > MAX_SHOWN ? `${quoted} (${value.length} characters)` : quoted;
  }
  return String(value);
}

/** `issue` + [items, 3, url] → `issue.items[3].url`; odd keys are quoted so the path stays one line. */
export function formatPath(rootPath: string, keys: readonly unknown[]): string {
  let path = rootPath;
  for (const key of keys) {
    if (typeof key === 'number') path += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) path += path ? `.${key}` : key;
    else path += `[${JSON.stringify(String(key))}]`;
  }
  return path || '(top level)';
}

const EXPECTED_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  Object: 'an object',
  Array: 'an array',
  null: 'null',
};

/** Valibot writes expectations as `("a" | "b")` or `(string | null)`; people read `"a" or "b"`. */
function describeExpected(expected: string): string {
  const parts = expected.replace(/^\((.*)\)$/, '$1').split(' | ').map((part) => EXPECTED_NAMES[part] ?? part);
  return parts.length > 2 ? `one of ${parts.join(', ')}` : parts.join(' or ');
}

function describeSchemaIssue(issue: v.BaseIssue<unknown>): string {
  const isObjectKeyIssue = issue.type === 'strict_object' || issue.type === 'object';
  if (isObjectKeyIssue && issue.expected === 'never') return 'unknown field';
  if (isObjectKeyIssue && issue.received === 'undefined' && issue.expected?.startsWith('"')) {
    return 'required field is missing';
  }
  const expected = issue.expected ? describeExpected(issue.expected) : issue.type;
  return `expected ${expected}, got ${describeValue(issue.input)}`;
}

export function formatValidationIssue(issue: v.BaseIssue<unknown>, rootPath: string): string {
  const path = formatPath(rootPath, issue.path?.map((item) => item.key) ?? []);
  // Validation actions and custom schemas in schema.ts carry their own messages; type issues get ours.
  const message = issue.kind === 'schema' && issue.type !== 'custom' ? describeSchemaIssue(issue) : issue.message;
  return `${path}: ${message.replace(/\s+/g, ' ')}`;
}
