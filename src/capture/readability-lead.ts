import { Readability } from '@mozilla/readability';
import { cleanText } from './clean-text.ts';
import { findLeadParagraph } from './lead-paragraph.ts';

/**
 * Above this many elements Readability takes too long for a click in the toolbar (it scores and
 * rewrites the whole tree, on a clone that costs as much again); the cheap scan has had its turn.
 */
const MAX_ELEMENTS_FOR_READABILITY = 12_000;

/**
 * The lead paragraph of the article Readability extracts, for pages whose paragraphs the cheap
 * scan could not find (text in `<div>`s and `<br>`s). Runs on a clone: Readability rewrites the
 * document it is given, and this one is the live page.
 */
export function readabilityLead(doc: Document, elementCount: number): string | null {
  if (elementCount > MAX_ELEMENTS_FOR_READABILITY) return null;
  try {
    const clone = doc.cloneNode(true) as Document;
    const article = new Readability<Node>(clone, { serializer: (node) => node, disableJSONLD: true }).parse();
    const content = article?.content;
    if (!content) return null;
    const lead = findLeadParagraph((content as Element).getElementsByTagName('p'));
    if (lead) return lead;
    const text = cleanText(article.textContent?.slice(0, 2000));
    return text.length >= 40 ? text : null;
  } catch {
    return null;
  }
}
