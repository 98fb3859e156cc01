import { cleanText } from './clean-text.ts';

/** A repository's home page on a code host: where title `owner/name` and the repo description belong. */
export interface RepoPage {
  host: string;
  /** `owner/name`, or `group/subgroup/name` on GitLab. */
  path: string;
}

// First path segments that are GitHub's own pages, not users or organisations.
const GITHUB_RESERVED = new Set([
  'about', 'account', 'apps', 'blog', 'codespaces', 'collections', 'contact', 'copilot', 'customer-stories',
  'dashboard', 'enterprise', 'events', 'explore', 'features', 'issues', 'join', 'login', 'logout', 'marketplace',
  'new', 'notifications', 'orgs', 'organizations', 'pricing', 'pulls', 'readme', 'resources', 'search', 'security',
  'settings', 'signup', 'site', 'solutions', 'sponsors', 'stars', 'team', 'topics', 'trending', 'users', 'watching',
]);
const GITLAB_RESERVED = new Set(['explore', 'help', 'dashboard', 'users', 'admin', 'search', 'groups', 'projects', '-']);
const TWO_SEGMENT_HOSTS = new Set(['github.com', 'codeberg.org', 'gitea.com', 'bitbucket.org', 'git.sr.ht']);

export function readRepoPage(url: URL | null): RepoPage | null {
  if (!url) return null;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const segments = url.pathname.split('/').filter(Boolean).map((segment) => segment.replace(/\.git$/, ''));
  const [owner] = segments;
  if (!owner) return null;
  if (TWO_SEGMENT_HOSTS.has(host)) {
    if (segments.length !== 2 || GITHUB_RESERVED.has(owner.toLowerCase())) return null;
    return { host, path: segments.join('/') };
  }
  if (host === 'gitlab.com' || host.startsWith('gitlab.')) {
    // GitLab nests groups (`group/sub/project`) and puts every sub-page after `/-/`.
    if (segments.length < 2 || segments.length > 6 || segments.includes('-') || GITLAB_RESERVED.has(owner)) return null;
    return { host, path: segments.join('/') };
  }
  return null;
}

/**
 * The description a code host wraps in boilerplate: GitHub writes "<description>. Contribute to
 * owner/name development by creating an account on GitHub." (the boilerplate alone when there is no
 * description), "<description> - owner/name: <description, truncated>" and "GitHub - owner/name: ...".
 */
export function cleanRepoDescription(text: string | null): string {
  return cleanText(text)
    .replace(/^GitHub - [^\s:]+\/[^\s:]+:\s*/i, '')
    .replace(/\s*Contribute to \S+ development by creating an account on [\w.]+\.?$/i, '')
    .replace(/\s+-\s+[\w.-]+\/[\w.-]+(?::.*)?$/, '')
    .trim();
}
