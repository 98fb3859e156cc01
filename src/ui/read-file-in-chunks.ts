/**
 * Reading a file to import without stopping the page: it is read and decoded in slices of 256 KiB
 * (then planned in the page, plan-import.ts). Measured in Chromium on a 5 MB
 * backup: one message of the whole text held the page for about half a second, and `file.text()` or
 * `file.stream()` (which may hand over the whole file at once) for 100 to 350 ms.
 */
const CHUNK_BYTES = 256 * 1024;

/**
 * The file's text (UTF-8; a byte-order mark is dropped) in chunks of at most 256 Ki characters
 * (a UTF-8 byte never decodes to more than one UTF-16 unit).
 */
export async function readFileInChunks(file: Blob, chunkBytes = CHUNK_BYTES): Promise<string[]> {
  // A streaming decoder joins a character split across two slices.
  const decoder = new TextDecoder();
  const chunks: string[] = [];
  for (let start = 0; start < file.size; start += chunkBytes) {
    const bytes = await file.slice(start, start + chunkBytes).arrayBuffer();
    const text = decoder.decode(bytes, { stream: start + chunkBytes < file.size });
    if (text !== '') chunks.push(text);
  }
  return chunks;
}
