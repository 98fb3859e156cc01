/** Hands a file to import to the background in chunks (why: read-file-in-chunks.ts). */
import { send } from './send.ts';

/** Sends the chunks to the background; the answer names the upload for `import/preview` or `import/apply`. */
export async function stageUpload(chunks: readonly string[]): Promise<{ uploadId: string; chunkCount: number }> {
  const uploadId = crypto.randomUUID();
  for (const [index, chunk] of chunks.entries()) await send('import/stage', { uploadId, index, chunk });
  return { uploadId, chunkCount: chunks.length };
}
