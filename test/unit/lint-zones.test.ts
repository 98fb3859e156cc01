/**
 * The layer borders of eslint.config.js hold: in every zone a deliberate wrong import is an error that
 * names the border, and a right one passes. Each case lints one line of text in place of a real file of the
 * zone (`file`, so the type-aware parser finds it in the project), through ESLint's Node API and the
 * repository's own config.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

interface Case {
  zone: string;
  file: string;
  wrong: string;
  right: string;
}

const CASES: Case[] = [
  { zone: 'src/core', file: 'src/core/html-escape.ts',
    wrong: "import { openRoundupDb } from '../storage/db.ts';", right: "import { escapeHtml } from './html-escape.ts';" },
  { zone: 'src/capture', file: 'src/capture/title.ts',
    wrong: "import { database } from '../background/database.ts';", right: "import { escapeHtml } from '../core/html-escape.ts';" },
  { zone: 'src/archive', file: 'src/archive/read-feed.ts',
    wrong: "import { extensionApi } from '../ui/extension-api.ts';", right: "import { escapeHtml } from '../core/html-escape.ts';" },
  { zone: 'src/sync (engine)', file: 'src/sync/mirror.ts',
    wrong: "import { createSyncIssueStore } from './idb/issue-store.ts';", right: "import type { SyncArea } from './ports.ts';" },
  { zone: 'src/sync (adapters)', file: 'src/sync/idb/issue-store.ts',
    wrong: "import { database } from '../../background/database.ts';", right: "import { listIssues } from '../../storage/issues-repo.ts';" },
  { zone: 'src/storage', file: 'src/storage/meta-repo.ts',
    wrong: "import { nextClock } from '../sync/index.ts';", right: "import { escapeHtml } from '../core/html-escape.ts';" },
  { zone: 'src/messages.ts', file: 'src/messages.ts',
    wrong: "import { database } from './background/database.ts';", right: "import type { SyncStatusView } from './sync/status-view.ts';" },
  { zone: 'src/background', file: 'src/background/badge.ts',
    wrong: "import { SyncMirror } from '../sync/mirror.ts';", right: "import { startSync } from '../sync/index.ts';" },
  { zone: 'src/background (pages)', file: 'src/background/menus.ts',
    wrong: "import { mountPopup } from '../../popup/mount-popup.tsx';", right: "import { takeMenuAdd } from './popup/menu-adds.ts';" },
  { zone: 'src/background (browser API)', file: 'src/background/badge.ts',
    wrong: "import browser from 'webextension-polyfill';", right: "import browser from './extension-api.ts';" },
  { zone: 'src/ui', file: 'src/ui/send.ts',
    wrong: "import { routeMessage } from '../background/router.ts';", right: "import type { Request } from '../messages.ts';" },
  { zone: 'popup/', file: 'popup/main.tsx',
    wrong: "import { listIssues } from '../src/storage/issues-repo.ts';", right: "import { extensionApi } from '../src/ui/extension-api.ts';" },
  { zone: 'editor/', file: 'editor/main.tsx',
    wrong: "import { SyncMirror } from '../src/sync/mirror.ts';", right: "import type { SyncStatusView } from '../src/sync/status-view.ts';" },
  { zone: 'options/', file: 'options/main.tsx',
    wrong: "import { extract } from '../src/capture/extract.ts';", right: "import { escapeHtml } from '../src/core/html-escape.ts';" },
  { zone: 'pages (one another)', file: 'options/main.tsx',
    wrong: "import { Editor } from '../editor/editor.tsx';", right: "import { Options } from './options.tsx';" },
  { zone: 'pages (browser API)', file: 'popup/main.tsx',
    wrong: "import browser from 'webextension-polyfill';", right: "import type { Browser } from 'webextension-polyfill';" },
  { zone: 'src/cli', file: 'src/cli/export.ts',
    wrong: "import { listIssues } from '../storage/issues-repo.ts';", right: "import { extract } from '../capture/extract.ts';" },
  { zone: 'anywhere (browser API)', file: 'scripts/write-schema.ts',
    wrong: "import browser from 'webextension-polyfill';", right: "import type { Browser } from 'webextension-polyfill';" },
];

/** The import rule's messages for `code` linted as the text of `file`; the export keeps the imported name used. */
async function importErrors(file: string, code: string): Promise<string[]> {
  const name = /import (?:type )?\{? ?(\w+)/.exec(code)?.[1] ?? '';
  const [result] = await eslint.lintText(`${code}\nexport const used: unknown = ${name};\n`, { filePath: file });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === '@typescript-eslint/no-restricted-imports' || message.fatal)
    .map((message) => message.message);
}

describe('the layer borders in eslint.config.js', () => {
  it.each(CASES)('$zone: a wrong import is an error, a right one passes', async ({ file, wrong, right }) => {
    const errors = await importErrors(file, wrong);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/import|imports/);
    expect(await importErrors(file, right)).toEqual([]);
  });

  it('lets only the background\u2019s extension-api.ts import the polyfill', async () => {
    expect(await importErrors('src/background/extension-api.ts', "import browser from 'webextension-polyfill';")).toEqual([]);
  });

  it('lets a colocated test reach across a border to set up what it tests', async () => {
    expect(await importErrors('src/core/capture-fields.test.ts', "import { openRoundupDb } from '../storage/db.ts';")).toEqual([]);
  });

  it('rejects a dropped promise, `void` included, and passes a handled one', async () => {
    const rules = async (code: string) => {
      const [result] = await eslint.lintText(code, { filePath: 'src/ui/send.ts' });
      return result?.messages.map((message) => message.ruleId) ?? [];
    };
    expect(await rules('export function f(p: Promise<void>): void { void p; }\n')).toContain('@typescript-eslint/no-floating-promises');
    expect(await rules('export function f(p: Promise<void>): void { p.catch((error: unknown) => console.error(error)); }\n')).toEqual([]);
  });

  it('rejects dangerouslySetInnerHTML in any component', async () => {
    const [result] = await eslint.lintText('export const x = <div dangerouslySetInnerHTML={{ __html: "<b>" }} />;\n',
      { filePath: 'editor/main.tsx' });
    expect(result?.messages.map((message) => message.ruleId)).toContain('no-restricted-syntax');
  });
});
