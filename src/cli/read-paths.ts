/**
 * The files under the paths given on the command line, in a stable order (sorted by path), with
 * their bytes. Dot files and folders (`.git`) and `node_modules` are not part of an archive.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ArchiveFile } from '../archive/archive-files.ts';

export async function readArchivePaths(paths: readonly string[]): Promise<ArchiveFile[]> {
  const files: ArchiveFile[] = [];
  for (const given of paths) {
    const info = await stat(given).catch((error: unknown) => { throw new Error(`cannot read ${given}: ${describeFsError(error)}`, { cause: error }); });
    const found = info.isDirectory() ? await listFiles(given) : [given];
    for (const file of found) {
      const bytes = await readFile(file).catch((error: unknown) => { throw new Error(`cannot read ${file}: ${describeFsError(error)}`, { cause: error }); });
      files.push({ path: file, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    }
  }
  return files;
}

async function listFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !path.relative(directory, file).split(path.sep).some((part) => part.startsWith('.') || part === 'node_modules'))
    .sort();
}

export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}
