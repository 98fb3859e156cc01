/** Sync's status for the pages, and the per-issue "sync this issue" switch. */
import { getSyncStatusView, setIssueSync } from '../../sync/index.ts';
import type { HandlersFor } from './handler-types.ts';

export const syncHandlers: HandlersFor<'sync/status' | 'sync/set-issue'> = {
  'sync/status': () => getSyncStatusView(),
  'sync/set-issue': ({ issueId, sync }) => setIssueSync(issueId, sync),
};
