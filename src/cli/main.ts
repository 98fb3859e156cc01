/**
 * `npm run --silent roundup -- <command> ...`: the core's command line, for scripts and tests.
 * Each command module exports `run(argv)`, writes its result on stdout and returns the exit code;
 * errors are one line on stderr, and nothing is written on stdout then.
 */
const commands: Record<string, () => Promise<{ run: (argv: string[]) => Promise<number> }>> = {
  export: () => import('./export.ts'),
  capture: () => import('./capture.ts'),
  import: () => import('./import.ts'),
  featured: () => import('./featured.ts'),
};

const usage = `usage: roundup export FILE --format md|html|text [--issue NUMBER] [--style NAME | --template TEMPLATE_FILE]
       roundup capture FILE [--url URL]
       roundup capture --batch < lines.jsonl
       roundup import FILE_OR_DIR... [--format auto|markdown|html|feed] --out BACKUP.json
       roundup featured BACKUP.json URL...`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const load = name ? commands[name] : undefined;
  if (!load) {
    process.stderr.write(`roundup: ${name ? `unknown command "${name}"` : 'no command given'}\n${usage}\n`);
    return 2;
  }
  const command = await load();
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    process.stderr.write(`roundup: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
