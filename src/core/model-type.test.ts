/**
 * The item, section, issue and settings types are derived from the valibot schemas (schema.ts); these copies of
 * the hand-written interfaces they replaced prove the derived types did not change (readonly-ness,
 * optional tombstones, `string | null`, settings a file may leave out but the parsed value always has).
 */
import { describe, expect, it } from 'vitest';
import type { HouseStyle } from './house-style.ts';
import type { Clocks, Hlc, Issue, IssueStatus, Item, ItemKind, Section, Settings } from './model.ts';

interface OldItem {
  id: string;
  sectionId: string;
  position: string;
  url: string;
  canonicalUrl: string | null;
  title: string;
  summary: string;
  note: string;
  site: string;
  authors: string[];
  publishedAt: string | null;
  image: string | null;
  kind: ItemKind;
  capturedAt: string;
  clocks: Clocks;
  deleted?: Hlc;
}

interface OldSection {
  id: string;
  name: string;
  position: string;
  clocks: Clocks;
  deleted?: Hlc;
}

interface OldIssue {
  id: string;
  number: number;
  title: string;
  tagline: string;
  intro: string;
  outro: string;
  status: IssueStatus;
  createdAt: string;
  publishedAt: string | null;
  sections: OldSection[];
  items: OldItem[];
  clocks: Clocks;
  deleted?: Hlc;
}

interface OldSettings {
  newsletterName: string;
  titlePattern: string;
  defaultSections: string[];
  introTemplate: string;
  outroTemplate: string;
  summaryLength: number;
  dateFormat: 'iso' | 'short' | 'medium' | 'long' | 'full';
  keepTrackingParameters: boolean;
  houseStyle: HouseStyle;
}

/** True only when A and B are the same type, readonly and optional modifiers included. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
type Assert<T extends true> = T;
export type _ItemUnchanged = Assert<Equal<Item, OldItem>>;
export type _SectionUnchanged = Assert<Equal<Section, OldSection>>;
export type _IssueUnchanged = Assert<Equal<Issue, OldIssue>>;
export type _SettingsUnchanged = Assert<Equal<Settings, OldSettings>>;

describe('the model types derived from the schemas', () => {
  it('are checked at compile time (npx tsc --noEmit)', () => {
    const item: Item = {
      id: 'i', sectionId: 's', position: 'a0', url: 'https://example.com/', canonicalUrl: null, title: 't', summary: '',
      note: '', site: '', authors: [], publishedAt: null, image: null, kind: 'article', capturedAt: '2026-01-01T00:00:00Z', clocks: {},
    };
    const old: OldItem = item;
    expect(old).toBe(item);
  });
});
