/**
 * The feedback of a context-menu add: the menu opens the popup (menus.ts), and the popup's first request
 * (`popup/open`) picks up what the add did here, so it can say "Added … to Industry · Issue #3" with Undo
 * next to the form, or why it failed.
 */
import type { MenuAddResult } from '../../messages.ts';

/** A popup opened later than this after a menu add is not about it. */
export const MENU_ADD_FRESH_MS = 10_000;

let recent: { at: number; result: Promise<MenuAddResult> } | undefined;

export function noteMenuAdd(result: Promise<MenuAddResult>): void {
  recent = { at: Date.now(), result };
}

/** The last menu add, if it is recent, at most once. */
export async function takeMenuAdd(now = Date.now()): Promise<MenuAddResult | null> {
  const taken = recent;
  recent = undefined;
  if (taken === undefined || now - taken.at > MENU_ADD_FRESH_MS) return null;
  return taken.result;
}
