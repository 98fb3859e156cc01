import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeUrlForDedupe } from './url.ts';

describe('normalizeUrlForDedupe', () => {
  it.each([
    ['lower-cases the host', 'https://Example.COM/Path', 'https://example.com/Path'],
    ['drops www.', 'https://www.example.com/a', 'https://example.com/a'],
    ['keeps other subdomains', 'https://blog.example.com/a', 'https://blog.example.com/a'],
    ['drops the default https port', 'https://example.com:443/a', 'https://example.com/a'],
    ['drops the default http port', 'http://example.com:80/a', 'https://example.com/a'],
    ['keeps another port', 'https://example.com:8080/a', 'https://example.com:8080/a'],
    ['drops the fragment', 'https://example.com/a#section-2', 'https://example.com/a'],
    ['folds http into https', 'http://example.com/a', 'https://example.com/a'],
    ['drops the trailing slash', 'https://example.com/a/', 'https://example.com/a'],
    ['drops the root slash', 'https://example.com/', 'https://example.com'],
    ['drops utm_* in any case', 'https://example.com/a?utm_source=x&UTM_Medium=y&utm_campaign=z', 'https://example.com/a'],
    ['drops click ids', 'https://example.com/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4', 'https://example.com/a'],
    ['drops ref and ref_src', 'https://example.com/a?ref=hn&ref_src=twsrc', 'https://example.com/a'],
    ['keeps real parameters, sorted', 'https://example.com/a?b=2&utm_source=x&a=1', 'https://example.com/a?a=1&b=2'],
    ['sorts repeated keys by value', 'https://example.com/a?k=2&k=1', 'https://example.com/a?k=1&k=2'],
    ['keeps parameters on the root', 'https://example.com/?q=1', 'https://example.com?q=1'],
    ['drops credentials', 'https://user:pw@example.com/a', 'https://example.com/a'],
    ['drops a trailing dot on the host', 'https://example.com./a', 'https://example.com/a'],
    ['trims whitespace', '  https://example.com/a  ', 'https://example.com/a'],
    ['keeps non-web schemes, minus fragment', 'mailto:someone@example.com', 'mailto:someone@example.com'],
    ['returns an unparsable input trimmed', ' not a url ', 'not a url'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeUrlForDedupe(input)).toBe(expected);
  });

  it('gives the same key to the variants an editor meets', () => {
    const variants = [
      'https://www.example.com/post/42/?utm_source=newsletter#comments',
      'http://example.com/post/42',
      'https://EXAMPLE.com:443/post/42?fbclid=abc',
    ];
    expect(new Set(variants.map(normalizeUrlForDedupe)).size).toBe(1);
  });

  const hostArb = fc.tuple(
    fc.constantFrom('', 'www.', 'WWW.', 'blog.'),
    fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/),
    fc.constantFrom('.com', '.org', '.co.uk', '.io'),
  ).map(([prefix, name, tld]) => `${prefix}${name}${tld}`);
  const segmentArb = fc.stringMatching(/^[A-Za-z0-9._~-]{1,8}$/);
  const pathArb = fc.array(segmentArb, { maxLength: 4 }).map((parts) => `/${parts.join('/')}`);
  const paramArb = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/), fc.stringMatching(/^[A-Za-z0-9]{0,6}$/));
  const paramsArb = fc.array(paramArb, { maxLength: 4 });
  const urlArb = fc.record({
    scheme: fc.constantFrom('http', 'https'),
    host: hostArb,
    path: pathArb,
    params: paramsArb,
    fragment: fc.option(segmentArb, { nil: undefined }),
  });
  const build = (u: { scheme: string; host: string; path: string; params: [string, string][]; fragment?: string | undefined }) => {
    const query = u.params.length > 0 ? `?${u.params.map(([k, v]) => `${k}=${v}`).join('&')}` : '';
    return `${u.scheme}://${u.host}${u.path}${query}${u.fragment === undefined ? '' : `#${u.fragment}`}`;
  };

  it('is idempotent', () => {
    fc.assert(fc.property(urlArb, (u) => {
      const once = normalizeUrlForDedupe(build(u));
      expect(normalizeUrlForDedupe(once)).toBe(once);
    }));
  });

  it('ignores tracking parameters, fragments, scheme, www., host case and trailing slashes', () => {
    const trackingArb = fc.array(fc.tuple(
      fc.constantFrom('utm_source', 'utm_medium', 'UTM_campaign', 'fbclid', 'gclid', 'mc_cid', 'mc_eid', 'ref', 'ref_src'),
      fc.stringMatching(/^[a-z0-9]{1,5}$/),
    ), { maxLength: 3 });
    fc.assert(fc.property(urlArb, trackingArb, (u, tracking) => {
      const plain = { ...u, params: u.params.filter(([k]) => !/^(utm_|fbclid$|gclid$|mc_cid$|mc_eid$|ref$|ref_src$)/i.test(k)) };
      const noisy = {
        ...plain,
        scheme: plain.scheme === 'http' ? 'https' : 'http',
        host: `WWW.${plain.host.replace(/^www\./i, '').toUpperCase()}`,
        path: `${plain.path.replace(/\/$/, '')}/`,
        params: [...tracking, ...plain.params],
        fragment: 'top',
      };
      expect(normalizeUrlForDedupe(build(noisy))).toBe(normalizeUrlForDedupe(build(plain)));
    }));
  });

  it('does not depend on the order of parameters', () => {
    fc.assert(fc.property(urlArb, (u) => {
      const reversed = { ...u, params: [...u.params].reverse() };
      expect(normalizeUrlForDedupe(build(reversed))).toBe(normalizeUrlForDedupe(build(u)));
    }));
  });

  it('keeps distinct pages apart', () => {
    fc.assert(fc.property(urlArb, segmentArb, (u, extra) => {
      const other = { ...u, path: `${u.path.replace(/\/$/, '')}/${extra}x` };
      expect(normalizeUrlForDedupe(build(other))).not.toBe(normalizeUrlForDedupe(build(u)));
    }));
  });
});
