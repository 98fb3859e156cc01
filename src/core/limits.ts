/**
 * The model's bounds on each field (validated in schema.ts), in a module of their own: the popup's text boxes
 * use them too, and must not load the validation library to know them.
 */
export const LIMITS = {
  id: 100,
  title: 2_000,
  summary: 20_000,
  note: 20_000,
  url: 8_192,
  site: 2_000,
  author: 1_000,
  authors: 5_000,
  sectionName: 1_000,
  tagline: 2_000,
  markdown: 200_000,
  position: 1_000,
  clocks: 200,
  sections: 1_000,
  items: 20_000,
  newsletterName: 1_000,
  defaultSections: 200,
  summaryLength: 20_000,
} as const;
