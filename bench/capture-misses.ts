/**
 * The class of one Roundup miss, so the benchmark can print, for each target not met, which kinds of
 * pages remain and how many. Classes describe the relation between Roundup's value, the expected one
 * and the peers' (whether any peer has the expected value), never a page's name.
 */
import { bylinesAgree, type CorpusPage, datesAgree, titlesAgree, tokenF1 } from '../test/unit/corpus.ts';

export type MissField = 'title' | 'summary' | 'byline' | 'date';

interface Values { title: string; summary: string; byline: string; date: string }

interface Judged {
  page: CorpusPage;
  titleExcludedBy: string | null;
  summaryExcludedBy: string | null;
  /** The page's description tags, to tell which one the expected summary came from. */
  descriptions: { og: string; twitter: string; meta: string };
}

const LOW_F1 = 0.5;

const comparable = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[‘’'"“”„«»]/g, '"').replace(/[‐‑‒–—―]/g, '-').replace(/\s+/g, ' ').trim();

export function classifyMiss(field: MissField, judged: Judged, ours: Values | null, all: Map<string, Values | null>): string | null {
  const peers = [...all].filter(([name]) => !name.startsWith('roundup')).map(([, values]) => values);
  const { expected } = judged.page;
  if (!ours) return field === 'title' || expected[field === 'summary' ? 'excerpt' : field === 'byline' ? 'byline' : 'publishedTime'] ? 'exception' : null;
  if (field === 'title' && expected.title && !titlesAgree(ours.title, expected.title)) {
    const peer = peers.some((values) => values && titlesAgree(values.title, expected.title ?? '')) ? ', a peer has it' : '';
    if (judged.titleExcludedBy) return `expected excluded by rule ${judged.titleExcludedBy}`;
    const got = comparable(ours.title);
    const want = comparable(expected.title);
    if (!got) return `no title${peer}`;
    if (got === want) return 'same title, other quotes or dashes';
    if (got.includes(want)) return `ours keeps text around the expected title (site name, label, date)${peer}`;
    if (want.includes(got)) return `expected keeps text that ours drops${peer}`;
    return `another headline than expected (SEO or social variant, another heading, an annotation)${peer}`;
  }
  if (field === 'summary' && expected.excerpt && !judged.summaryExcludedBy) {
    const f1 = tokenF1(ours.summary, expected.excerpt);
    if (f1 >= LOW_F1) return null;
    const peer = peers.some((values) => values && tokenF1(values.summary, expected.excerpt ?? '') >= LOW_F1) ? ', a peer does better' : '';
    if (!ours.summary.trim()) return `no summary${peer}`;
    const tags = Object.entries(judged.descriptions).filter(([, text]) => text);
    const agreeing = tags.find(([, text]) => tokenF1(text, expected.excerpt ?? '') >= LOW_F1);
    if (agreeing) return `expected is the page's ${agreeing[0]} description, Roundup took another tag or repaired it${peer}`;
    if (tags.length === 0) return `no description tag; the lead paragraph is not the expected text${peer}`;
    return `expected is none of the page's description tags (an annotator's own text, a subtitle)${peer}`;
  }
  if (field === 'byline' && expected.byline && !bylinesAgree(ours.byline, expected.byline)) {
    const peer = peers.some((values) => values && bylinesAgree(values.byline, expected.byline ?? '')) ? ', a peer has it' : ', no peer has it';
    if (!ours.byline.trim()) return `no byline found${peer}`;
    if (comparable(ours.byline).includes(comparable(expected.byline))) return `ours names more than expected${peer}`;
    return `another byline than expected${peer}`;
  }
  if (field === 'date' && expected.publishedTime && !datesAgree(ours.date, expected.publishedTime)) {
    const peer = peers.some((values) => values && datesAgree(values.date, expected.publishedTime ?? '')) ? ', a peer has it' : ', no peer has it';
    if (!ours.date) return `no date found${peer}`;
    const [y1, m1, d1] = ours.date.slice(0, 10).split('-');
    const [y2, m2, d2] = expected.publishedTime.slice(0, 10).split('-');
    if (y1 === y2 && m1 === d2 && d1 === m2) return `day and month swapped${peer}`;
    const days = Math.abs(Date.parse(ours.date.slice(0, 10)) - Date.parse(expected.publishedTime.slice(0, 10))) / 86_400_000;
    if (days === 1) return `one day off (time zone)${peer}`;
    return `another date (updated, another item's, or wrong)${peer}`;
  }
  return null;
}
