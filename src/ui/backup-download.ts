/** "Export everything": the portable backup of every issue and the settings, as a file. */
import { serializeBackup } from '../core/portable.ts';
import { downloadText, localDateStamp } from './download.ts';
import { send } from './send.ts';

export async function downloadBackup(): Promise<string> {
  const { settings, issues } = await send('backup/get', {});
  const fileName = `roundup-backup-${localDateStamp()}.json`;
  downloadText(fileName, serializeBackup(settings, issues, new Date().toISOString()), 'application/json');
  return fileName;
}
