import { describe, expect, it } from 'vitest';
import { normalizeLanguageTag, pickLanguage } from './language.ts';
import { contextOf, html } from './test-page.ts';

describe('normalizeLanguageTag', () => {
  it.each([
    ['en', 'en'], ['EN', 'en'], ['en_US', 'en-US'], ['de-ch', 'de-CH'], ['zh-hant-tw', 'zh-Hant-TW'], ['fr-FR, en', 'fr-FR'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeLanguageTag(input)).toBe(expected);
  });

  it.each([null, '', 'x-default', 'und', '*', 'not a language tag!'])('rejects %s', (input) => {
    expect(normalizeLanguageTag(input)).toBeNull();
  });
});

describe('pickLanguage', () => {
  it('prefers <html lang>', () => {
    expect(pickLanguage(contextOf(html('<meta property="og:locale" content="fr_FR">', '', 'de-AT')))).toBe('de-AT');
  });

  it('falls back to og:locale, then Content-Language, then JSON-LD', () => {
    const noLang = (head: string) => `<html><head>${head}</head><body></body></html>`;
    expect(pickLanguage(contextOf(noLang('<meta property="og:locale" content="pt_BR">')))).toBe('pt-BR');
    expect(pickLanguage(contextOf(noLang('<meta http-equiv="Content-Language" content="ja">')))).toBe('ja');
    expect(pickLanguage(contextOf(noLang('<script type="application/ld+json">{"@type":"Article","inLanguage":"es"}</script>')))).toBe('es');
    expect(pickLanguage(contextOf(noLang('')))).toBeNull();
  });
});
