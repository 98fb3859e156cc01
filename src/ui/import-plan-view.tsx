/** What an import will change (or changed), as lists an editor can check before saying yes. */
import type { ImportPreview } from '../messages.ts';

const MAX_CONFLICTS_SHOWN = 50;

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line || '(empty)';
}

export function ImportPlanView({ plan }: { plan: ImportPreview }) {
  const { newIssues, updatedIssues, unchangedIssues, conflicts, skippedIssues, notes } = plan;
  return (
    <div class="import-plan">
      {notes.map((note) => <p class="notice" key={note}>{note}</p>)}
      {newIssues.length > 0 && (
        <>
          <h4>New: {plural(newIssues.length, 'issue')}</h4>
          <ul>{newIssues.map((issue) => <li key={issue.id}>#{issue.number} {issue.title} · {plural(issue.itemCount, 'item')}</li>)}</ul>
        </>
      )}
      {updatedIssues.length > 0 && (
        <>
          <h4>Updated: {plural(updatedIssues.length, 'issue')}</h4>
          <ul>{updatedIssues.map((issue) => <li key={issue.id}>#{issue.number} {issue.title}: {issue.changes.join(', ')}</li>)}</ul>
        </>
      )}
      {unchangedIssues.length > 0 && (
        <p>Already here, unchanged: {unchangedIssues.map((issue) => `#${issue.number}`).join(', ')}</p>
      )}
      {conflicts.length > 0 && (
        <>
          <h4>Kept yours: {plural(conflicts.length, 'field')} where this device’s copy is newer or as new</h4>
          <ul class="conflicts">
            {conflicts.slice(0, MAX_CONFLICTS_SHOWN).map((conflict, index) => (
              <li key={index}>
                #{conflict.issueNumber} · {conflict.where} · {conflict.field}: kept “{shorten(conflict.kept)}”, not the file’s “{shorten(conflict.incoming)}”
              </li>
            ))}
          </ul>
          {conflicts.length > MAX_CONFLICTS_SHOWN && <p>…and {conflicts.length - MAX_CONFLICTS_SHOWN} more.</p>}
        </>
      )}
      {skippedIssues.length > 0 && (
        <>
          <h4>Left alone: {plural(skippedIssues.length, 'issue')}</h4>
          <ul>{skippedIssues.map((issue) => <li key={issue.id}>#{issue.number} {issue.title}: {issue.reason}</li>)}</ul>
        </>
      )}
    </div>
  );
}

/** True when applying the plan would write nothing. */
export function changesNothing(plan: ImportPreview, replaceSettings: boolean): boolean {
  return plan.newIssues.length === 0 && plan.updatedIssues.length === 0 && !(replaceSettings && plan.settingsChanges.length > 0);
}

export function describeApplied(plan: ImportPreview, settingsReplaced: boolean): string {
  const parts = [plural(plan.newIssues.length, 'new issue'), `${plural(plan.updatedIssues.length, 'issue')} updated`];
  if (settingsReplaced) parts.push('settings replaced');
  return parts.join(', ');
}
