/** Edits of one issue from the popup and the editor page: its fields, sections and items. */
import { newId } from '../../core/ids.ts';
import {
  addSection, moveItem, moveSection, removeItem, removeSection, renameSection, restoreItem, updateIssueFields, updateItem,
} from '../../core/issue-ops.ts';
import { restoreSection } from '../../core/restore-section.ts';
import { edit } from './edit-issue.ts';
import type { HandlersFor } from './handler-types.ts';

type EditMessages = 'item/update' | 'item/remove' | 'item/restore' | 'item/move' | 'issue/update'
  | 'section/add' | 'section/rename' | 'section/move' | 'section/remove' | 'section/restore';

export const editHandlers: HandlersFor<EditMessages> = {
  'item/update': ({ issueId, itemId, patch }) => edit(issueId, (issue, at) => updateItem(issue, itemId, patch, at)),
  'item/remove': ({ issueId, itemId }) => edit(issueId, (issue, at) => removeItem(issue, itemId, at)),
  'item/restore': ({ issueId, itemId }) => edit(issueId, (issue, at) => restoreItem(issue, itemId, at)),
  'item/move': ({ issueId, itemId, sectionId, index }) =>
    edit(issueId, (issue, at) => moveItem(issue, itemId, { sectionId, index }, at)),

  'issue/update': ({ issueId, patch }) => edit(issueId, (issue, at) => updateIssueFields(issue, patch, at)),

  async 'section/add'({ issueId, name }) {
    const sectionId = newId();
    const issue = await edit(issueId, (current, at) => addSection(current, { id: sectionId, name, at }));
    return { issue, sectionId };
  },
  'section/rename': ({ issueId, sectionId, name }) => edit(issueId, (issue, at) => renameSection(issue, sectionId, name, at)),
  'section/move': ({ issueId, sectionId, index }) => edit(issueId, (issue, at) => moveSection(issue, sectionId, { index }, at)),
  'section/remove': ({ issueId, sectionId }) => edit(issueId, (issue, at) => removeSection(issue, sectionId, at)),
  'section/restore': ({ issueId, sectionId }) => edit(issueId, (issue, at) => restoreSection(issue, sectionId, at)),
};
