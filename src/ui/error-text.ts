/** What to show for a caught error: its message (errors from the background arrive as plain Errors). */
export function errorText(caught: unknown): string {
  return caught instanceof Error ? caught.message : String(caught);
}
