/**
 * What an editor reads when a page's request does not fit the protocol (src/messages.ts): plain words
 * about the field they can act on ("The title is too long: at most 2,000 characters."), never a schema
 * path. The full detail goes to the background's console for whoever debugs it.
 */
import type * as v from 'valibot';

const FIELD_NAMES: Readonly<Record<string, string>> = {
  title: 'The title', summary: 'The summary', note: 'The private note', url: 'The link', canonicalUrl: 'The canonical link',
  site: 'The site', authors: 'The authors', publishedAt: 'The published date', image: 'The image link', name: 'The section name',
  tagline: 'The tagline', intro: 'The intro', outro: 'The outro', number: 'The issue number', query: 'The search',
};

export function describeRequestProblem(issue: v.BaseIssue<unknown>): string {
  const keys = issue.path?.map((item) => String(item.key)) ?? [];
  const field = [...keys].reverse().map((key) => FIELD_NAMES[key]).find((name) => name !== undefined);
  if (field === undefined) return 'Roundup could not use what this page sent. Reload the page and try again.';
  if (issue.type === 'max_length' && typeof issue.requirement === 'number') {
    const what = keys.includes('authors') && keys.length > 2 ? 'One author' : field;
    return `${what} is too long: at most ${issue.requirement.toLocaleString('en')} characters.`;
  }
  if (issue.type === 'min_length' || issue.type === 'non_empty') return `${field} cannot be empty.`;
  // The schema's own message is written for people where it has one (a published date, a section name).
  if (issue.kind === 'validation' && issue.type === 'check' && issue.message) return `${field}: ${issue.message}.`;
  return `${field} is not valid.`;
}
