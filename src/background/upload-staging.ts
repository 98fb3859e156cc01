/**
 * Files to import arrive in chunks (src/messages.ts, `import/stage`) and wait here, in the worker's
 * memory, until `import/preview` or `import/apply` takes them. Memory, not storage: an upload lives
 * for seconds, and the page still holds the file and sends it again for the next step. Only the
 * newest few uploads are kept, so an abandoned one cannot pile up.
 */
const KEPT_UPLOADS = 2;
const uploads = new Map<string, string[]>();

export function stageChunk(uploadId: string, index: number, chunk: string): void {
  let parts = uploads.get(uploadId);
  if (parts === undefined) {
    parts = [];
    uploads.set(uploadId, parts);
    for (const old of [...uploads.keys()].slice(0, -KEPT_UPLOADS)) uploads.delete(old);
  }
  parts[index] = chunk;
}

/** The whole file, once; throws when a chunk is missing (e.g. the worker restarted meanwhile). */
export function takeUpload(uploadId: string, chunkCount: number): string {
  const parts = chunkCount === 0 ? [] : uploads.get(uploadId);
  uploads.delete(uploadId);
  // Checked by index: `every` would skip the holes a missing chunk leaves.
  const complete = parts !== undefined && parts.length === chunkCount
    && Array.from({ length: chunkCount }, (_, index) => parts[index]).every((part) => typeof part === 'string');
  if (!complete) throw new Error('the file did not arrive whole; choose it again');
  return parts.join('');
}
