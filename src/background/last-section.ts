/**
 * The section a page is offered: the one last used for its site, else the one last used at all, else the
 * draft's first. The popup (popup/popup-state.ts) and the context menus (menus.ts) both offer it, and
 * every add remembers it (popup/popup-handlers.ts `item/add`).
 */
import { liveSections } from '../core/live-parts.ts';
import type { Issue, Section } from '../core/model.ts';
import { getLastSectionId, putLastSectionId } from '../storage/meta-repo.ts';
import { database } from './database.ts';

/** Any site's last-used section is remembered under the site; this key remembers the last one overall. */
const ANY_SITE = '*';

/** The live section to offer for a page of `site`; undefined when the draft has none. */
export async function sectionToOffer(issue: Issue, site: string): Promise<Section | undefined> {
  const db = await database();
  const live = liveSections(issue);
  const remembered = await Promise.all([...(site ? [site] : []), ANY_SITE].map((key) => getLastSectionId(db, key)));
  return remembered.map((id) => live.find((section) => section.id === id)).find((section) => section !== undefined) ?? live[0];
}

/** Remembers `sectionId` as the last used for `site` and overall. */
export async function rememberSection(site: string, sectionId: string): Promise<void> {
  const db = await database();
  await Promise.all([...(site ? [site] : []), ANY_SITE].map((key) => putLastSectionId(db, key, sectionId)));
}
