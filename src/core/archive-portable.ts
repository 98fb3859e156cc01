/**
 * Archived issues as the model's issues: published, with their items as the archive has them (no
 * capture), ready for a `roundup-backup` file or for the store.
 *
 * Ids come from the issue number (`archive-42`, `archive-42-s1`, `archive-42-i7`), not from chance:
 * the same archive imported twice, through a backup file and the options page's import, meets its own
 * issues by id and changes nothing. Without clocks: an import is not an edit, so any edit made later
 * on any device wins over it.
 */
import type { ArchivedIssue, ArchivedItem } from './archive-issue.ts';
import type { Issue, Item, Section } from './model.ts';
import { positionsForCount } from './position.ts';
import { LIMITS } from './schema.ts';

export function archiveIssueId(number: number): string {
  return `archive-${number}`;
}

/** `importedAt` stands in for the dates an issue lacks (creation, capture): an ISO 8601 date-time. */
export function toPortableIssue(archived: ArchivedIssue, importedAt: string): Issue {
  const id = archiveIssueId(archived.number);
  const at = archived.publishedAt ?? importedAt;
  const sectionPositions = positionsForCount(archived.sections.length);
  const sections: Section[] = archived.sections.map((section, index) => ({
    id: `${id}-s${index + 1}`, name: clip(section.name, LIMITS.sectionName), position: sectionPositions[index] ?? 'a0', clocks: {},
  }));
  let itemNumber = 0;
  const items = archived.sections.flatMap((section, sectionIndex) => {
    const kept = section.items.filter((item) => item.url.length <= LIMITS.url);
    const positions = positionsForCount(kept.length);
    return kept.map((item, index): Item => toItem(item, {
      id: `${id}-i${++itemNumber}`, sectionId: sections[sectionIndex]?.id ?? '', position: positions[index] ?? 'a0', capturedAt: at,
    }));
  }).slice(0, LIMITS.items);
  return {
    id, number: archived.number, title: clip(archived.title, LIMITS.title), tagline: '',
    intro: clip(archived.intro, LIMITS.markdown), outro: clip(archived.outro, LIMITS.markdown),
    status: 'published', createdAt: at, publishedAt: archived.publishedAt, sections, items, clocks: {},
  };
}

function toItem(item: ArchivedItem, place: Pick<Item, 'id' | 'sectionId' | 'position' | 'capturedAt'>): Item {
  return {
    ...place, url: item.url, canonicalUrl: null, title: clip(item.title, LIMITS.title), summary: clip(item.summary, LIMITS.summary),
    note: '', site: siteOf(item.url), authors: item.authors.map((author) => clip(author, LIMITS.author)).slice(0, LIMITS.authors),
    publishedAt: null, image: null, kind: 'article', clocks: {},
  };
}

/** The host, as a capture names a site that declares no name. */
function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** Far above any real text (schema.ts LIMITS); a longer one is garbage, cut rather than refused. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
