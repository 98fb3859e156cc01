/**
 * The sync status line: when this device last synced, "syncing", "sync full: N issues local only", or the
 * problem in plain words; with `issueId`, also that issue's "Sync this issue" switch (shared by every
 * device). It asks the background every few seconds while shown: sync runs in the background on its own.
 */
import { useEffect, useState } from 'preact/hooks';
import type { SyncStatusView } from '../sync/status-view.ts';
import { errorText } from './error-text.ts';
import { send } from './send.ts';
import './sync-status.css';
import { describeIssueSync, describeSyncStatus } from './sync-status-text.ts';

const POLL_MS = 3_000;

interface Props {
  /** The issue whose switch to show; none shows the status line alone. */
  issueId?: string;
}

export function SyncStatus({ issueId }: Props) {
  const [view, setView] = useState<SyncStatusView | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [problem, setProblem] = useState<string | null>(null);
  /** The switch's new position while the background saves it. */
  const [switching, setSwitching] = useState<boolean | null>(null);

  function show(next: SyncStatusView) {
    setView(next);
    setNow(Date.now());
    setProblem(null);
  }

  useEffect(() => {
    let shown = true;
    const load = () => { send('sync/status', {}).then((next) => shown && show(next), (caught: unknown) => shown && setProblem(errorText(caught))); };
    load();
    const timer = setInterval(load, POLL_MS);
    return () => {
      shown = false;
      clearInterval(timer);
    };
  }, []);

  async function switchSync(sync: boolean) {
    if (issueId === undefined) return;
    setSwitching(sync);
    try {
      show(await send('sync/set-issue', { issueId, sync }));
    } catch (caught) {
      setProblem(errorText(caught));
    } finally {
      setSwitching(null);
    }
  }

  const text = view && describeSyncStatus(view, now);
  const issue = view && issueId !== undefined ? describeIssueSync(view, issueId) : null;
  const switchId = `sync-issue-${issueId ?? ''}`;
  return (
    <div class={`sync-status sync-${text?.tone ?? 'busy'}`}>
      <p class="sync-headline" role="status">{text?.headline ?? 'Checking sync\u2026'}</p>
      {text?.details.map((line) => <p class="hint" key={line}>{line}</p>)}
      {text && text.notices.length > 0 && (
        <details class="sync-notices">
          <summary>What happened</summary>
          {text.notices.map((line) => <p class="hint" key={line}>{line}</p>)}
        </details>
      )}
      {issueId !== undefined && (
        <div class="checkbox">
          <input id={switchId} type="checkbox" checked={switching ?? issue?.enabled ?? true}
            disabled={view === null || switching !== null}
            aria-describedby={issue?.note ? `${switchId}-note` : undefined}
            onChange={(event) => { switchSync(event.currentTarget.checked).catch((caught: unknown) => setProblem(errorText(caught))); }} />
          <label for={switchId}>Sync this issue</label>
        </div>
      )}
      {issue?.note && <p id={`${switchId}-note`} class="hint">{issue.note}</p>}
      {problem && <p class="field-problem" role="alert">{problem}</p>}
    </div>
  );
}
