import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseDedupeKey, normalizeUrlForDedupe } from './url.ts';

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

  // Issue 15: the addresses of one page that an archive and a week of reading both meet.
  it.each([
    ['folds repeated slashes in the path', 'https://example.com//blog///post//', 'https://example.com/blog/post'],
    ['keeps an encoded slash', 'https://example.com/a%2F%2Fb', 'https://example.com/a%2F%2Fb'],
    ['takes an arXiv PDF for its abstract page', 'https://arxiv.org/pdf/2301.00001', 'https://arxiv.org/abs/2301.00001'],
    ['drops an arXiv version', 'https://arxiv.org/abs/2301.00001v3', 'https://arxiv.org/abs/2301.00001'],
    ['drops the version and .pdf of an arXiv PDF', 'http://www.arxiv.org/pdf/2301.00001v2.pdf', 'https://arxiv.org/abs/2301.00001'],
    ['reads arXiv HTML pages and export.arxiv.org', 'https://export.arxiv.org/html/2301.00001v1', 'https://arxiv.org/abs/2301.00001'],
    ['reads old-style arXiv ids', 'https://arxiv.org/pdf/hep-th/9901001v1', 'https://arxiv.org/abs/hep-th/9901001'],
    ['reads old-style arXiv ids with a subject class', 'https://arxiv.org/abs/math.GT/0309136', 'https://arxiv.org/abs/math.GT/0309136'],
    ['leaves other arXiv pages alone', 'https://arxiv.org/list/cs.LG/recent', 'https://arxiv.org/list/cs.LG/recent'],
    ['takes youtu.be for watch?v=', 'https://youtu.be/uR_VzYxvbxg?si=abc', 'https://youtube.com/watch?v=uR_VzYxvbxg'],
    ['drops the start time and playlist of a video', 'https://www.youtube.com/watch?v=MQeIerDsReA&t=673s&list=PL1', 'https://youtube.com/watch?v=MQeIerDsReA'],
    ['reads shorts, embed and live addresses', 'https://www.youtube-nocookie.com/embed/uR_VzYxvbxg', 'https://youtube.com/watch?v=uR_VzYxvbxg'],
    ['takes m.youtube.com for youtube.com', 'https://m.youtube.com/watch?v=uR_VzYxvbxg&feature=share', 'https://youtube.com/watch?v=uR_VzYxvbxg'],
    ['leaves YouTube channels alone', 'https://www.youtube.com/@haskell', 'https://youtube.com/@haskell'],
    ['drops a trailing /amp', 'https://example.com/news/story/amp/', 'https://example.com/news/story'],
    ['drops ?amp=1', 'https://example.com/news/story?amp=1&id=2', 'https://example.com/news/story?id=2'],
    ['drops a bare ?amp and outputType=amp', 'https://example.com/story?amp&outputType=amp', 'https://example.com/story'],
    ['keeps amp when it is a real value', 'https://example.com/search?amp=guitar', 'https://example.com/search?amp=guitar'],
    ['keeps amp inside a path', 'https://example.com/amp/intro', 'https://example.com/amp/intro'],
    ['unwraps the AMP cache', 'https://www-example-com.cdn.ampproject.org/c/s/www.example.com/news/story/amp', 'https://example.com/news/story'],
    ['drops an amp. host', 'https://amp.example.com/news/story', 'https://example.com/news/story'],
    ['drops an m. host', 'https://m.example.com/a', 'https://example.com/a'],
    ['drops a mobile. host', 'https://mobile.twitter.com/haskellweekly', 'https://twitter.com/haskellweekly'],
    ["drops Wikipedia's .m.", 'https://en.m.wikipedia.org/wiki/Haskell', 'https://en.wikipedia.org/wiki/Haskell'],
    ['keeps a site named mobile', 'https://mobile.de/auto', 'https://mobile.de/auto'],
    ['keeps other one-letter hosts', 'https://m.example/a', 'https://m.example/a'],
  ])('same page: %s', (_name, input, expected) => {
    expect(normalizeUrlForDedupe(input)).toBe(expected);
  });

  it('gives every address of one page one key', () => {
    const groups = [
      ['https://arxiv.org/abs/1706.03762', 'https://arxiv.org/abs/1706.03762v7', 'http://arxiv.org/pdf/1706.03762v5', 'https://arxiv.org/pdf/1706.03762.pdf#page=3'],
      ['https://www.youtube.com/watch?v=WpDVrUdbT2o', 'https://youtu.be/WpDVrUdbT2o', 'https://youtube.com/shorts/WpDVrUdbT2o', 'https://m.youtube.com/watch?feature=youtu.be&v=WpDVrUdbT2o'],
      ['https://www.example.com/a/b', 'http://m.example.com//a/b/', 'https://example.com/a/b/amp?utm_source=x', 'https://example.com/a/b?amp=1#top'],
    ];
    for (const group of groups) expect(new Set(group.map(normalizeUrlForDedupe))).toEqual(new Set([normalizeUrlForDedupe(group[0] ?? '')]));
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
    // Not `xn--…`: most such labels are invalid Punycode, which the URL parser refuses outright.
    fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/).filter((name) => !name.startsWith('xn--')),
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
  // Addresses the same-page rules rewrite: video and paper hosts, mobile and AMP copies, doubled slashes.
  const sameSiteUrlArb = fc.tuple(
    fc.constantFrom('http', 'https'),
    fc.constantFrom('www.', 'm.', 'mobile.', 'amp.', 'en.m.', ''),
    fc.constantFrom('youtube.com', 'youtu.be', 'arxiv.org', 'example.com', 'wikipedia.org', 'mobile.de'),
    fc.array(fc.constantFrom('watch', 'abs', 'pdf', 'shorts', '2301.00001v2', '2301.00001.pdf', 'uR_VzYxvbxg', 'amp', '', 'a', 'hep-th'), { maxLength: 4 }),
    fc.array(fc.tuple(fc.constantFrom('v', 't', 'amp', 'outputType', 'utm_source', 'q', 'si'), fc.constantFrom('', '1', 'amp', 'uR_VzYxvbxg', 'x')), { maxLength: 4 }),
    fc.boolean(),
  ).map(([scheme, prefix, host, segments, params, slash]) => {
    const query = params.length > 0 ? `?${params.map(([k, v]) => `${k}=${v}`).join('&')}` : '';
    return `${scheme}://${prefix}${host}/${segments.join('/')}${slash ? '/' : ''}${query}`;
  });

  it('keeps the first-shipped key of every link the same-page rules do not touch', () => {
    fc.assert(fc.property(urlArb, (u) => {
      expect(normalizeUrlForDedupe(build(u))).toBe(baseDedupeKey(build(u)));
    }));
  });

  it('never splits links the first-shipped key joined: the key is a function of that key', () => {
    fc.assert(fc.property(sameSiteUrlArb, (url) => {
      expect(normalizeUrlForDedupe(baseDedupeKey(url))).toBe(normalizeUrlForDedupe(url));
    }));
  });

  it('is idempotent on the addresses the same-page rules rewrite', () => {
    fc.assert(fc.property(sameSiteUrlArb, (url) => {
      const once = normalizeUrlForDedupe(url);
      expect(normalizeUrlForDedupe(once)).toBe(once);
    }));
  });

  it('does not depend on the order of parameters on those addresses either', () => {
    fc.assert(fc.property(sameSiteUrlArb, (url) => {
      const [head, query = ''] = url.split('?');
      const reversed = query === '' ? url : `${head ?? ''}?${query.split('&').reverse().join('&')}`;
      expect(normalizeUrlForDedupe(reversed)).toBe(normalizeUrlForDedupe(url));
    }));
  });

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
