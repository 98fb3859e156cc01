import type { SummarySource } from '../core/capture-types.ts';
import { cleanText } from './clean-text.ts';
import { comparableTitle } from './comparable-title.ts';
import { isJunkDescription } from './junk-description.ts';
import { findLeadParagraph } from './lead-paragraph.ts';
import type { PageContext } from './page-context.ts';
import { readPaperAbstract } from './paper.ts';
import { readabilityLead } from './readability-lead.ts';
import { cleanRepoDescription, type RepoPage } from './repo.ts';
import { cleanSelection } from './selection.ts';
import { completeFromBody, dropDanglingFragment, withoutFurniture } from './description-repair.ts';
import { dropTruncatedTail, isTruncated, withoutTruncationMark } from './truncated-text.ts';

export interface SummaryFacts {
  selection: string | null | undefined;
  title: string;
  site: string;
  isPaper: boolean;
  repo: RepoPage | null;
}

export interface PickedSummary {
  summary: string;
  source: SummarySource;
}

/**
 * Selection → paper abstract (whole) → og:description → twitter:description → meta description →
 * JSON-LD description → lead paragraph (cheap scan, then Readability). Boilerplate descriptions are
 * skipped, not trusted; a description the site cut loses its dangling fragment. The summary is whole:
 * the editor's length is applied in the core (cutCaptureSummary, src/core/cut-summary.ts).
 */
export function pickSummary(context: PageContext, facts: SummaryFacts): PickedSummary {
  const selection = cleanSelection(facts.selection);
  if (selection) return { summary: selection, source: 'selection' };
  if (facts.isPaper) {
    const abstract = readPaperAbstract(context);
    if (abstract) return { summary: abstract, source: 'abstract' };
  }
  const description = pickDescription(context, facts);
  if (description) {
    const whole = completeFromBody(description.text, context.elements.paragraphs) ?? dropTruncatedTail(description.text);
    return { summary: dropDanglingFragment(whole), source: description.source };
  }
  const lead = findLeadParagraph(context.elements.paragraphs)
    ?? readabilityLead(context.doc, context.elements.elementCount);
  if (lead) return { summary: lead, source: 'readability' };
  return { summary: '', source: 'none' };
}

interface Description {
  text: string;
  source: SummarySource;
}

function pickDescription(context: PageContext, facts: SummaryFacts): Description | null {
  const { meta, jsonLd } = context;
  const clean = (text: string | null) => withoutFurniture(facts.repo ? cleanRepoDescription(text) : cleanText(text));
  const social: Description[] = [
    { text: clean(meta.first('og:description')), source: 'og' },
    { text: clean(meta.first('twitter:description')), source: 'twitter' },
  ];
  const written: Description = { text: clean(meta.first('description', 'dc.description', 'dcterms.description')), source: 'meta' };
  // Social tags that title another page than the one the editor sees (a product's card on its
  // category page, a review's teaser on the review) describe that other page too: the page's own
  // description goes first then.
  const socialFirst = socialTagsDescribeThisPage(meta.first('og:title', 'twitter:title'), facts.title);
  const candidates: Description[] = [
    ...(socialFirst ? [...social, written] : [written, ...social]),
    { text: clean(jsonLd.description), source: 'json-ld' },
  ];
  const junkContext = { title: facts.title, site: facts.site, host: context.host, isRepo: facts.repo !== null };
  const usable = candidates.filter((candidate) => candidate.text && !isJunkDescription(candidate.text, junkContext));
  const first = usable[0];
  if (!first) return null;
  return fullerDescription(descriptionSized(first, usable), usable);
}

function socialTagsDescribeThisPage(socialTitle: string | null, title: string): boolean {
  if (!socialTitle) return true;
  const social = comparableTitle(cleanText(socialTitle));
  const chosen = comparableTitle(title);
  return social.includes(chosen) || chosen.includes(social) || sharesWords(social, chosen);
}

// Two wordings of one headline share most of their longer words ("Wärmepumpe im Altbau - Wann es
// sich lohnt" and "Eignet sich eine Wärmepumpe im Altbau?").
function sharesWords(a: string, b: string): boolean {
  const words = (text: string) => new Set(text.match(/[\p{L}\p{N}]{4,}/gu) ?? []);
  const left = words(a);
  const right = words(b);
  const shared = [...left].filter((word) => right.has(word)).length;
  return shared > 0 && shared >= Math.min(left.size, right.size) / 2;
}

// Below this, a description is a teaser ("There’s no going back from here.") rather than a summary.
const TEASER_CHARS = 80;
// Above this, a "description" is the article body a CMS copied into the tag: search engines and
// social cards show a few hundred characters at most, so nobody wrote it as a description.
const BODY_CHARS = 1000;

const isDescriptionSized = (text: string) => text.length >= TEASER_CHARS && text.length <= BODY_CHARS;

/**
 * A description written as one, rather than the article body copied into a tag; the body's first
 * few hundred characters in another tag are not one either.
 */
function descriptionSized(chosen: Description, candidates: Description[]): Description {
  if (chosen.text.length <= BODY_CHARS) return chosen;
  const body = comparableTitle(chosen.text);
  return candidates.find((candidate) => isDescriptionSized(candidate.text) && !isTruncated(candidate.text)
    && !body.startsWith(comparableTitle(withoutTruncationMark(candidate.text)))) ?? chosen;
}

/**
 * The fuller of two descriptions: a site that cuts one ("…") or shortens its social teaser often
 * carries the whole summary in another tag.
 */
function fullerDescription(chosen: Description, candidates: Description[]): Description {
  if (isTruncated(chosen.text)) {
    const prefix = comparableTitle(withoutTruncationMark(chosen.text));
    const whole = candidates.find((candidate) => candidate.text.length > chosen.text.length
      && comparableTitle(candidate.text).startsWith(prefix));
    if (whole) return whole;
  }
  if (chosen.text.length >= TEASER_CHARS) return chosen;
  return candidates.find((candidate) => candidate.text.length >= Math.max(2 * chosen.text.length, TEASER_CHARS)
    && !isTruncated(candidate.text)) ?? chosen;
}
