/** The issues, drafts first and then the archive (published), each a link that opens it. */
import { formatIssueDate } from '../src/core/issue-title.ts';
import type { IssueSummary } from '../src/messages.ts';
import { routeHref } from './use-editor.ts';

interface Props {
  issues: IssueSummary[];
  openId: string | null;
}

function IssueLink({ summary, current }: { summary: IssueSummary; current: boolean }) {
  // A published issue read from an archive may have no date: its import time is not its date.
  const date = summary.status === 'published' && !summary.publishedAt ? 'date unknown'
    : formatIssueDate(summary.publishedAt ?? summary.createdAt, 'medium') ?? '';
  const count = `${summary.itemCount} item${summary.itemCount === 1 ? '' : 's'}`;
  return (
    <li>
      <a href={routeHref(summary.id)} class="issue-link" aria-current={current ? 'page' : undefined}>
        <span class="issue-link-title"><span class="issue-number">#{summary.number}</span> {summary.title}</span>
        <span class="issue-link-meta">{date} · {count}</span>
      </a>
    </li>
  );
}

export function IssueList({ issues, openId }: Props) {
  const drafts = issues.filter((summary) => summary.status === 'draft');
  const archive = issues.filter((summary) => summary.status === 'published');
  const group = (heading: string, list: IssueSummary[], empty: string) => (
    <>
      <h2 class="list-heading">{heading}</h2>
      {list.length === 0 ? <p class="hint">{empty}</p> : (
        <ul class="issue-list">{list.map((summary) => <IssueLink key={summary.id} summary={summary} current={summary.id === openId} />)}</ul>
      )}
    </>
  );
  return (
    <nav aria-label="Issues">
      {group('Drafts', drafts, 'No draft.')}
      {group('Archive', archive, 'Nothing published yet.')}
    </nav>
  );
}
