/**
 * What the background does for each message of src/messages.ts, gathered from handlers/ by area.
 * Arguments arrive validated (router.ts); every edit is stamped with the device clock and written in
 * one transaction, so a failed write changes nothing that was stored.
 */
import { editHandlers } from './handlers/edit-handlers.ts';
import type { Handlers } from './handlers/handler-types.ts';
import { issueHandlers } from './handlers/issue-handlers.ts';
import { searchSettingsBackupHandlers } from './handlers/search-settings-backup-handlers.ts';
import { popupHandlers } from './popup/popup-handlers.ts';
import { syncHandlers } from './handlers/sync-handlers.ts';

export type { Handlers };

// Typed as the full map, so a message without a handler does not compile.
export const handlers: Handlers = { ...popupHandlers, ...editHandlers, ...issueHandlers, ...searchSettingsBackupHandlers, ...syncHandlers };
