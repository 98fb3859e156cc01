/**
 * What a house-style template sees: the issue view (issue-view.ts, never the private note) written
 * for one format (format-writers.ts). The names are the ones the README documents:
 * `issue.{title, number, tagline, intro, outro, date, status}`, `sections[]` with `{name, number,
 * items}`, and each item `{title, url, summary, site, authors, date, kind, number}`, numbered from 1
 * within its section. Empty text is "" (false in `{% if %}`); `url` is "" when the item's URL must not
 * become a link.
 */
import type { FormatWriter } from './format-writers.ts';
import type { IssueView, ItemView, SectionView } from './issue-view.ts';

function itemData(item: ItemView, index: number, writer: FormatWriter) {
  return {
    title: writer.title(item.title),
    url: item.href === null ? '' : writer.link(item.href),
    summary: writer.summary(item.summary),
    site: item.site,
    authors: item.authors,
    date: item.date ?? '',
    kind: item.kind,
    number: index + 1,
  };
}

function sectionData(section: SectionView, index: number, writer: FormatWriter) {
  return { name: section.name, number: index + 1, items: section.items.map((item, itemIndex) => itemData(item, itemIndex, writer)) };
}

export function templateData(view: IssueView, writer: FormatWriter) {
  return {
    issue: {
      title: view.title,
      number: view.number,
      tagline: view.tagline,
      intro: writer.blocks(view.intro),
      outro: writer.blocks(view.outro),
      date: view.date,
      status: view.status,
    },
    sections: view.sections.map((section, index) => sectionData(section, index, writer)),
  };
}
