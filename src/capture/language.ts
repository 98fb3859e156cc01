import type { PageContext } from './page-context.ts';

/** BCP 47 language: `<html lang>` → og:locale → Content-Language → JSON-LD inLanguage → dc.language. */
export function pickLanguage(context: PageContext): string | null {
  const { meta, jsonLd, doc } = context;
  const candidates = [
    doc.documentElement?.getAttribute('lang') ?? doc.documentElement?.getAttribute('xml:lang'),
    meta.first('og:locale'),
    meta.first('http-equiv:content-language', 'content-language'),
    jsonLd.language,
    meta.first('dc.language', 'dcterms.language', 'language'),
  ];
  for (const candidate of candidates) {
    const tag = normalizeLanguageTag(candidate);
    if (tag) return tag;
  }
  return null;
}

/** `en_US` → `en-US`, `EN` → `en`, `de-ch, en` → `de-CH`; null for anything that is not a language. */
export function normalizeLanguageTag(input: string | null | undefined): string | null {
  const first = input?.split(',')[0]?.trim().replace(/_/g, '-');
  if (!first || /^(?:x-default|und|\*|mul|zxx)$/i.test(first)) return null;
  try {
    return Intl.getCanonicalLocales(first)[0] ?? null;
  } catch {
    return null;
  }
}
