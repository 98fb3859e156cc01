/**
 * One pass over the page's `<meta>` tags, indexed by lower-cased key, so each rule is a lookup
 * instead of a selector query. `name` and `property` share one namespace (sites mix them up:
 * `<meta name="og:title">`, `<meta property="description">`); `property` may list several keys
 * separated by spaces. `itemprop` and `http-equiv` get their own prefixes, because an
 * `itemprop="description"` in a product card is not the page's description.
 */
export interface MetaIndex {
  /** The first non-empty value among the keys, tried in order. */
  first(...keys: string[]): string | null;
  /** Every non-empty value of one key, in document order. */
  all(key: string): string[];
}

export function indexMetaTags(tags: Element[]): MetaIndex {
  const values = new Map<string, string[]>();
  const add = (key: string, value: string) => {
    const list = values.get(key);
    if (list) list.push(value);
    else values.set(key, [value]);
  };
  for (const tag of tags) {
    const content = tag.getAttribute('content')?.trim();
    if (!content) continue;
    const keys = new Set<string>();
    for (const attribute of ['name', 'property']) {
      for (const key of (tag.getAttribute(attribute) ?? '').toLowerCase().split(/\s+/)) if (key) keys.add(key);
    }
    const itemprop = tag.getAttribute('itemprop')?.trim().toLowerCase();
    if (itemprop) keys.add(`itemprop:${itemprop}`);
    const httpEquiv = tag.getAttribute('http-equiv')?.trim().toLowerCase();
    if (httpEquiv) keys.add(`http-equiv:${httpEquiv}`);
    for (const key of keys) add(key, content);
  }
  return {
    first(...keys) {
      for (const key of keys) {
        const value = values.get(key)?.[0];
        if (value) return value;
      }
      return null;
    },
    all(key) {
      return values.get(key) ?? [];
    },
  };
}
