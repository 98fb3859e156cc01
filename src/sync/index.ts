/**
 * The sync module's door for the background: src/background/ imports sync only from here (the pages import
 * status-view.ts, which holds types only). Everything behind it is sync's own: the mirror and its ports at
 * the top of src/sync/, the IndexedDB side in idb/, the browser side in browser/.
 */
export {
  getSyncStatusView, handleStorageChanged, handleSyncAlarm, nextClock, receiveClock, setIssueSync, startSync, type SyncEnvironment,
} from './browser/runtime.ts';
export { getSyncedFeaturedKeys } from './idb/synced-featured-keys.ts';
