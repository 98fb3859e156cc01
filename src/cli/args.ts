/**
 * Argument parsing shared by the CLI commands: node:util `parseArgs` in strict mode, with its
 * errors turned into short one-line usage messages (`unknown option --fromat`).
 */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** A mistake in the command line itself; commands exit with code 2 for it. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseCommandArgs<const O extends OptionsConfig>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseArgsError(error));
  }
}

function describeParseArgsError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  // Node quotes the option as '--foo', '--format <value>' or '-h, --help': name the long form.
  const quoted = /'(-[^']*)'/.exec(message)?.[1] ?? '';
  const option = /--[\w-]+/.exec(quoted)?.[0] ?? /-\w/.exec(quoted)?.[0];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    return message.includes('does not take an argument') ? `option ${option} takes no value` : `option ${option} needs a value`;
  }
  return oneLine(message);
}

/** Error text from anywhere (Node, V8, our own) squeezed onto the single line commands print. */
export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
