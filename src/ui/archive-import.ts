/**
 * "Import past issues" in the page: the chosen files are read and planned here (src/archive, the core),
 * with the browser's DOMParser for HTML, emails and feeds, so the preview needs nothing from the
 * background but one read of what is stored; "Import" then sends the new issues, in batches when the
 * archive is big (core/message-batches.ts). The background checks each again and writes only those
 * whose id and number are still free (core/archive-apply.ts).
 */
import type { ArchiveFile, ArchiveFormat, MarkupParsers } from '../archive/archive-files.ts';
import { planArchiveImport, type ArchivePreview, type StoredForArchive } from '../core/archive-apply.ts';
import { batchBySize } from '../core/message-batches.ts';
import type { Issue } from '../core/model.ts';
import type { ArchiveImportResult } from '../messages.ts';
import { send } from './send.ts';

export const domParsers: MarkupParsers = {
  html: (text) => new DOMParser().parseFromString(text, 'text/html'),
  xml: (text) => new DOMParser().parseFromString(text, 'application/xml'),
};

/** The files as the archive reader takes them, named by their place in the chosen folder when there is one. */
export async function readChosenFiles(files: Iterable<File>): Promise<ArchiveFile[]> {
  const read: ArchiveFile[] = [];
  for (const file of files) read.push({ path: file.webkitRelativePath || file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  return read.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export async function planArchiveFiles(files: readonly ArchiveFile[], stored: StoredForArchive,
  { parsers = domParsers, format = 'auto', importedAt = new Date().toISOString() }: { parsers?: MarkupParsers; format?: ArchiveFormat; importedAt?: string } = {},
): Promise<ArchivePreview> {
  // The reader (and its Markdown and email parsers) loads only when an archive is imported.
  const { readArchiveFiles } = await import('../archive/archive-files.ts');
  return planArchiveImport(await readArchiveFiles(files, parsers, format), stored, importedAt);
}

export async function readStoredForArchive(): Promise<StoredForArchive> {
  const stored = await send('import/stored', {});
  return { issues: stored.issues, damagedIds: new Set(stored.damagedIds) };
}

/** Sends the new issues, batch after batch; what all of them wrote and left alone. */
export async function applyArchive(writes: readonly Issue[], maxChars?: number): Promise<ArchiveImportResult> {
  const all: ArchiveImportResult = { imported: [], skipped: [] };
  for (const batch of batchBySize(writes, maxChars)) {
    if (batch.length === 0) continue;
    const { imported, skipped } = await send('archive/import', { issues: batch });
    all.imported.push(...imported);
    all.skipped.push(...skipped);
  }
  return all;
}
