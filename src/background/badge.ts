/** The toolbar badge shows how many items the current draft holds. */
import browser from './extension-api.ts';
import { liveItems } from '../core/live-parts.ts';
import { getCurrentDraft } from '../storage/issues-repo.ts';
import { database } from './database.ts';

export async function refreshBadge(): Promise<void> {
  try {
    const draft = await getCurrentDraft(await database());
    const count = draft ? liveItems(draft).length : 0;
    await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
    await browser.action.setBadgeBackgroundColor({ color: '#3b5bdb' });
  } catch {
    await browser.action.setBadgeText({ text: '!' });
  }
}
