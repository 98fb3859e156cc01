/** Lists the issues and the items of the chosen draft. The full editor (ordering, preview, export) is issue 5. */
import { useEffect, useState } from 'preact/hooks';
import { liveItems, liveSections } from '../src/core/issue-ops.ts';
import type { Issue } from '../src/core/model.ts';
import type { IssueSummary } from '../src/messages.ts';
import { send } from '../src/ui/send.ts';

export function Editor() {
  const [issues, setIssues] = useState<IssueSummary[]>([]);
  const [issue, setIssue] = useState<Issue | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    (async () => {
      const list = await send('issue/list', {});
      setIssues(list);
      const wanted = new URLSearchParams(location.hash.slice(1)).get('issue') ?? list[0]?.id;
      if (wanted) setIssue(await send('issue/get', { issueId: wanted }));
    })().catch((caught: unknown) => setError(String(caught)));
  }, []);

  return (
    <main style={{ maxWidth: '48rem', margin: '0 auto', padding: '16px' }}>
      <h1>Roundup</h1>
      {error && <p role="alert" class="error">{error}</p>}
      <nav aria-label="Issues">
        <ul>{issues.map((summary) => <li key={summary.id}>#{summary.number} {summary.title} ({summary.status}, {summary.itemCount} items)</li>)}</ul>
      </nav>
      {issue && (
        <article>
          <h2>{issue.title}</h2>
          {liveSections(issue).map((section) => (
            <section key={section.id}>
              <h3>{section.name}</h3>
              <ul>{liveItems(issue, section.id).map((item) => <li key={item.id}><a href={item.url}>{item.title}</a>: {item.summary}</li>)}</ul>
            </section>
          ))}
        </article>
      )}
    </main>
  );
}
