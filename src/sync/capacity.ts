/**
 * How many seed-like items fit in the sync area (102,400 bytes, 512 items), for `npm run bench`.
 * Items look like the seed issue's: a ~60-character title, a two-sentence ~250-character summary,
 * a ~70-character URL, a ~20-character site, random ids and clocks; drafts hold `itemsPerDraft`
 * items each. Three encodings are compared, each found by a binary search on the item count:
 * - `compact`: what Roundup writes (column layout, deflate-raw, base64; see core/sync-pack.ts);
 * - `deflatedJson`: the issue's own JSON, deflated and base64-encoded;
 * - `plainJson`: the issue's own JSON as strings, chunked, uncompressed.
 * The text is drawn word by word from `sampleText` (pass the seed issue for realistic numbers):
 * unique prose, so no item repeats another and compression gets no free ride.
 * Also measured from the same items: the featured keys of published issues (`measureFeaturedKeys`), and
 * the items' bare text (`seedLikeItemText`), which the benchmark compresses to show the floor.
 */
import { dedupeKeysOf } from '../core/featured.ts';
import { featuredKeysOfIssue } from '../core/featured-keys.ts';
import { formatHlc } from '../core/hlc.ts';
import { publishIssue } from '../core/issue-ops.ts';
import { liveItems, liveSections } from '../core/live-parts.ts';
import { latestClockOf } from '../core/merge.ts';
import { DEFAULT_SETTINGS } from '../core/model.ts';
import type { Issue, Item } from '../core/model.ts';
import { positionsForCount } from '../core/position.ts';
import { fitFeaturedKeys } from '../core/sync-budget.ts';
import {
  FEATURED_KEY, SYNC_QUOTA, chunkKey, draftKey, encodeDraft, encodeRecord, encodeSettings, syncItemBytes, type EncodedRecord,
} from '../core/sync-codec.ts';

export interface CapacityOptions {
  itemsPerDraft?: number;
  sampleText?: string;
  /** Upper bound of the search. */
  maxItems?: number;
}

export interface EncodingCapacity {
  /** Most items that fit. */
  items: number;
  /** Area bytes per item at that count, overheads included. */
  bytesPerItem: number;
}

export interface SyncCapacity {
  itemsPerDraft: number;
  compact: EncodingCapacity;
  deflatedJson: EncodingCapacity;
  plainJson: EncodingCapacity;
}

type Encoding = (issue: Issue) => Promise<{ bytes: number; items: number }>;

const BUILT_IN_SAMPLE = `This week in deep learning we bring you a new take on general intelligence, models that design
catalysts for renewable energy storage, a self-driving bicycle and a paper comparing the optimizers used to train
networks. You may also enjoy a large funding round for drug discovery, the latest iteration of a speech generation
model, free courses on natural language processing, a book on the theory of deep learning, and more. Researchers
argue that reward maximization is enough to reach general intelligence, while others collaborate to understand the
biases embedded in the largest language models. A tutorial shows how to train a convolutional network on a federated
dataset with a few lines of code, and a benchmark measures how mobile chips run vision, audio and text models.`;

export async function measureSyncCapacity(options: CapacityOptions = {}): Promise<SyncCapacity> {
  const { itemsPerDraft = 30, sampleText = BUILT_IN_SAMPLE, maxItems = 4_000 } = options;
  const words = wordsOf(sampleText);
  const encodings: Record<'compact' | 'deflatedJson' | 'plainJson', Encoding> = {
    compact: async (issue) => cost(await encodeDraft(issue)),
    deflatedJson: async (issue) => cost(await encodeRecord(draftKey(issue.id), issue, latestClockOf(issue))),
    plainJson: async (issue) => plainJsonCost(draftKey(issue.id), JSON.stringify(issue)),
  };
  const settings = cost(await encodeSettings(DEFAULT_SETTINGS, formatHlc({ ms: 1, counter: 0, deviceId: 'bench' })));
  const measure = async (encoding: Encoding): Promise<EncodingCapacity> => {
    const usage = async (count: number) => {
      const drafts = makeDrafts(count, itemsPerDraft, words);
      const costs = await Promise.all(drafts.map(encoding));
      return costs.reduce((total, next) => ({ bytes: total.bytes + next.bytes, items: total.items + next.items }), settings);
    };
    const fits = async (count: number) => {
      const used = await usage(count);
      return used.bytes <= SYNC_QUOTA.totalBytes && used.items <= SYNC_QUOTA.maxItems;
    };
    let [low, high] = [0, maxItems];
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (await fits(middle)) low = middle;
      else high = middle - 1;
    }
    return { items: low, bytesPerItem: low === 0 ? 0 : Math.round((await usage(low)).bytes / low) };
  };
  return {
    itemsPerDraft,
    compact: await measure(encodings.compact),
    deflatedJson: await measure(encodings.deflatedJson),
    plainJson: await measure(encodings.plainJson),
  };
}

export interface FeaturedKeysCost {
  issues: number;
  links: number;
  /** Area bytes of the featured keys record as Roundup writes it (8-character link fingerprints). */
  bytes: number;
  /** The same record with each link's full dedupe key instead of its fingerprint, for comparison. */
  fullKeyBytes: number;
}

/** The featured keys of `issues` published seed-like issues of `itemsPerIssue` links each. */
export async function measureFeaturedKeys({ issues = 52, itemsPerIssue = 20, sampleText = BUILT_IN_SAMPLE } = {}): Promise<FeaturedKeysCost> {
  const published = makeSeedLikeDrafts(issues * itemsPerIssue, itemsPerIssue, sampleText).map((draft, index) =>
    publishIssue(draft, new Date(Date.UTC(2026, 0, 1 + 7 * index)).toISOString(), latestClockOf(draft)));
  const list = published.map(featuredKeysOfIssue);
  const { record } = await fitFeaturedKeys(list, { maxIssues: issues, maxBytes: Infinity });
  const withFullKeys = published.map((issue, index) => ({ ...list[index], sections: liveSections(issue).map((section) => ({
    name: section.name, links: liveItems(issue, section.id).flatMap((item) => dedupeKeysOf(item.url, item.canonicalUrl)) })) }));
  const full = await encodeRecord(FEATURED_KEY, withFullKeys, record.head.at);
  return { issues, links: issues * itemsPerIssue, bytes: record.bytes, fullKeyBytes: full.bytes };
}

/**
 * The text alone of `count` seed-like items (title, summary, URL and site, as the capacity search makes
 * them; no ids, clocks or layout), one field per line, grouped by field as the compact layout groups them:
 * what any encoding must carry at the least.
 */
export function seedLikeItemText(count: number, sampleText = BUILT_IN_SAMPLE): string {
  const items = makeSeedLikeDrafts(count, 30, sampleText).flatMap((draft) => draft.items);
  return (['title', 'summary', 'url', 'site'] as const).map((field) => items.map((item) => item[field]).join('\n')).join('\n');
}

function wordsOf(sampleText: string): string[] {
  return sampleText.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? ['word'];
}

function makeSeedLikeDrafts(count: number, itemsPerDraft: number, sampleText: string): Issue[] {
  return makeDrafts(count, itemsPerDraft, wordsOf(sampleText));
}

function cost(record: EncodedRecord): { bytes: number; items: number } {
  return { bytes: record.bytes, items: Object.keys(record.items).length };
}

/** The JSON text stored as plain string chunks under the same keys, with a small head. */
function plainJsonCost(key: string, json: string): { bytes: number; items: number } {
  let bytes = syncItemBytes(key, { v: 1, n: 99, sum: '00000000', at: formatHlc({ ms: 1, counter: 0, deviceId: 'bench' }) });
  let items = 1;
  let chunkBytes = 0;
  for (const character of json) {
    const characterBytes = syncItemBytes('', character) - 2;
    if (chunkBytes === 0 || chunkBytes + characterBytes > SYNC_QUOTA.itemBytes) {
      chunkBytes = syncItemBytes(chunkKey(key, items - 1), '');
      bytes += chunkBytes;
      items += 1;
    }
    chunkBytes += characterBytes;
    bytes += characterBytes;
  }
  return { bytes, items };
}

/** Deterministic drafts of seed-like items: the same count always gives the same bytes. */
function makeDrafts(count: number, itemsPerDraft: number, words: readonly string[]): Issue[] {
  const random = seededRandom(count * 7919 + itemsPerDraft);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const text = (length: number) => {
    let result = pick(words);
    while (result.length < length) result += ` ${pick(words)}`;
    return result;
  };
  const id = () => 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, () => Math.floor(random() * 16).toString(16));
  const device = id();
  const sites = Array.from({ length: 40 }, () => text(18));
  const drafts: Issue[] = [];
  for (let first = 0; first < count; first += itemsPerDraft) {
    const size = Math.min(itemsPerDraft, count - first);
    const sectionIds = [id(), id(), id(), id()];
    const positions = positionsForCount(size);
    const baseMs = Date.UTC(2026, 10, 1) + first * 60_000;
    const items = positions.map((position, index): Item => {
      const at = formatHlc({ ms: baseMs + index * 60_000, counter: 0, deviceId: device });
      const title = text(60);
      const site = pick(sites);
      const fields = {
        sectionId: pick(sectionIds), position, url: `https://www.${site.split(' ')[0]?.toLowerCase() ?? 'example'}.com/2026/${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`.slice(0, 70),
        canonicalUrl: null, title, summary: `${text(120)}. ${text(120)}.`, note: '', site, authors: [text(12)],
        publishedAt: '2026-11-02', image: null, kind: 'article' as const,
      };
      const clocks = Object.fromEntries(Object.keys(fields).map((field) => [field, at]));
      return { id: id(), capturedAt: new Date(baseMs + index * 60_000).toISOString(), ...fields, clocks };
    });
    const at = formatHlc({ ms: baseMs, counter: 0, deviceId: device });
    drafts.push({
      id: id(), number: 200 + drafts.length, title: `Deep Learning Weekly: Issue #${200 + drafts.length}`, tagline: '', intro: '',
      outro: '', status: 'draft', createdAt: new Date(baseMs).toISOString(), publishedAt: null,
      sections: sectionIds.map((sectionId, index) => ({ id: sectionId, name: `Section ${index + 1}`, position: `a${index}`, clocks: { name: at, position: at } })),
      items, clocks: { number: at, title: at, tagline: at, intro: at, outro: at, status: at, publishedAt: at },
    });
  }
  return drafts;
}

/** mulberry32: a small seeded generator, so measurements repeat exactly. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
