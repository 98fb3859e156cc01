import { inlineMarkdownToPlainText } from '../core/inline-markdown.ts';

/** An item's title as readers see it: the text of its inline Markdown (page text was escaped at capture), else its link. */
export function shownTitle(item: { title: string; url: string }): string {
  return inlineMarkdownToPlainText(item.title, { links: false }) || item.url;
}
