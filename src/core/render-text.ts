/**
 * An issue as plain text, in the layout of the newsletter's own text emails
 * (shared/seed/deep-learning-weekly-206.txt): title, tagline and intro paragraphs separated by
 * blank lines; each section introduced by two blank lines and its name; each item as its title,
 * its URL on the next line (a text email has no other way to carry the link), a blank line and
 * its summary.
 *
 * Escaping: none is needed, plain text has no markup. What we guard against is layout damage:
 * issue-view.ts has already removed control characters and folded newlines inside titles and
 * summaries, and the editor's Markdown is printed as text by inline-markdown.ts (emphasis markers
 * dropped, links as `text (url)`). Unsafe URLs are left out; the title stays.
 */
import type { Issue } from './model.ts';
import { inlineMarkdownToPlainText, markdownToPlainText } from './inline-markdown.ts';
import { viewIssue } from './issue-view.ts';
import type { ItemView, SectionView } from './issue-view.ts';

function paragraphs(...blocks: string[]): string {
  return blocks.filter((block) => block !== '').join('\n\n');
}

function renderItem(item: ItemView): string {
  const title = inlineMarkdownToPlainText(item.title, { links: false });
  const heading = item.href === null ? title : `${title}\n${item.href}`;
  return paragraphs(heading, inlineMarkdownToPlainText(item.summary));
}

function renderSection(section: SectionView): string {
  return paragraphs(section.name, ...section.items.map(renderItem));
}

/** The issue as plain text; deterministic, ends with exactly one newline. Item notes never appear. */
export function renderIssueAsText(issue: Issue): string {
  const view = viewIssue(issue);
  const head = paragraphs(view.title, view.tagline, markdownToPlainText(view.intro));
  const parts = [head, ...view.sections.map(renderSection), markdownToPlainText(view.outro)];
  // Two blank lines before each section (and the outro) set the sections apart, as in the seed.
  return `${parts.filter((part) => part !== '').join('\n\n\n')}\n`;
}
