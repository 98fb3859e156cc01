/** Saves text as a file through the browser's downloads, from a page (no `downloads` permission needed). */
export function downloadText(fileName: string, text: string, type: string): void {
  // A Blob from a string is UTF-8: the file has exactly the bytes the renderer produced.
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: Chrome starts reading the Blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `YYYY-MM-DD` in the editor's own time zone: the day they made the file. */
export function localDateStamp(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
