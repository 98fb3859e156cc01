/**
 * "House style": choose a preset, or edit the Liquid template of each format, with the open issue
 * previewed as it would export (the preview pane shows the draft while this is open). A mistake is named
 * by line and column next to its field as it is typed; a draft with a mistake cannot be saved. Saving
 * stores the style in the settings (so it is in the backup and syncs); every export then uses it.
 */
import { logRejection } from '../src/core/rejections.ts';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ExportFormat } from '../src/core/format-writers.ts';
import { FORMAT_NAMES } from '../src/core/house-style-check.ts';
import { PRESET_NAMES, type PresetName } from '../src/core/house-style.ts';
import type { Issue, Settings } from '../src/core/model.ts';
import { errorText } from '../src/ui/error-text.ts';
import {
  choosePreset, draftOf, draftProblems, isOwnTemplate, resetToPreset, sameStyle, styleOf, whyNotSaved, type StyleDraft,
} from '../src/ui/house-style-draft.ts';
import { send } from '../src/ui/send.ts';

const PRESET_LABELS: Readonly<Record<PresetName, string>> = {
  heading: 'Heading: a heading per section, each link a title with its summary',
  quote: 'Quote: each summary set off as a quotation',
  bullets: 'Bullets: one line per link, in bulleted lists',
  digest: 'Digest: numbered links with the first sentence of each summary',
};

const CHECK_PAUSE_MS = 250;

const FORMAT_CHOICES: ReadonlyArray<[ExportFormat, string]> = [['md', 'Markdown'], ['html', 'Email HTML'], ['text', 'Plain text']];

export interface HouseStylePanelProps {
  issue: Issue;
  settings: Settings;
  /** The draft while it differs from what is stored (the preview shows it), or null. */
  onDraft: (draft: { style: Settings['houseStyle']; format: ExportFormat } | null) => void;
  onClose: () => void;
}

export function HouseStylePanel({ issue, settings, onDraft, onClose }: HouseStylePanelProps) {
  const stored = settings.houseStyle;
  const [draft, setDraft] = useState<StyleDraft>(() => draftOf(stored));
  const [format, setFormat] = useState<ExportFormat>('md');
  const [status, setStatus] = useState('');
  const [notices, setNotices] = useState<string[]>([]);
  const dirty = !sameStyle(styleOf(draft), stored);
  /** An edit: what was said about the last save or reset no longer holds. */
  const edit = (next: StyleDraft) => {
    setDraft(next);
    setStatus('');
  };

  // Saved elsewhere (another tab, another device, an import): shown here unless the editor is mid-edit
  // (the draft differs from what was stored before).
  const shownStored = useRef(stored);
  useEffect(() => {
    const before = shownStored.current;
    shownStored.current = stored;
    setDraft((current) => (sameStyle(styleOf(current), before) ? draftOf(stored) : current));
  }, [stored]);
  useEffect(() => { send('settings/notices', {}).then(setNotices, () => setNotices([])); }, [stored]);

  // Checked after a short pause in typing: each check renders the templates with the whole issue.
  const [checked, setChecked] = useState(draft);
  useEffect(() => {
    const timer = setTimeout(() => setChecked(draft), CHECK_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [draft]);
  const problems = useMemo(() => draftProblems(checked, issue), [checked, issue]);
  useEffect(() => { onDraft({ style: styleOf(draft), format }); }, [draft, format, onDraft]);
  useEffect(() => () => onDraft(null), [onDraft]);

  const problem = problems[format];
  const fieldId = `house-style-${format}`;

  async function save() {
    const refused = whyNotSaved(draftProblems(draft, issue));
    if (refused) {
      setStatus(refused);
      return;
    }
    try {
      const current = await send('settings/get', {});
      const houseStyle = styleOf(draft);
      await send('settings/put', { settings: { ...current, houseStyle } });
      setStatus(`Saved: exports now use the ${draft.preset} preset${Object.keys(houseStyle.templates).length ? ' with your own templates' : ''}.`);
    } catch (caught) {
      setStatus(`Not saved: ${errorText(caught)}`);
    }
  }

  return (
    <section class="house-style" aria-labelledby="house-style-heading">
      <div class="house-style-head">
        <h3 id="house-style-heading">House style</h3>
        <button type="button" class="quiet" onClick={onClose}>Close house style</button>
      </div>
      {notices.map((notice) => <p key={notice} class="notice" role="status">{notice}</p>)}
      <div class="field">
        <label for="house-style-preset">Preset</label>
        <select id="house-style-preset" value={draft.preset}
          onChange={(event) => edit(choosePreset(draft, event.currentTarget.value as PresetName))}>
          {PRESET_NAMES.map((name) => <option key={name} value={name}>{PRESET_LABELS[name]}</option>)}
        </select>
      </div>
      <fieldset class="house-style-formats">
        <legend>Template to edit and preview</legend>
        {FORMAT_CHOICES.map(([value, label]) => (
          <label key={value} class="choice">
            <input type="radio" name="house-style-format" value={value} checked={format === value} onChange={() => setFormat(value)} />
            {label}{problems[value] ? ' (has a mistake)' : isOwnTemplate(draft, value) ? ' (your own)' : ''}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for={fieldId}>{FORMAT_CHOICES.find(([value]) => value === format)?.[1]} template (Liquid)</label>
        <textarea id={fieldId} class="template-source" rows={11} spellcheck={false} value={draft.texts[format]}
          aria-invalid={problem ? 'true' : 'false'} aria-describedby={`${fieldId}-status`}
          onInput={(event) => edit({ ...draft, texts: { ...draft.texts, [format]: event.currentTarget.value } })} />
        <p id={`${fieldId}-status`} class={problem ? 'field-problem' : 'hint'} aria-live="polite">
          {problem ? `The ${FORMAT_NAMES[format]} template has a mistake: ${sentence(problem.message)}`
            : isOwnTemplate(draft, format) ? 'Your own template; it works with this issue.' : `The ${draft.preset} preset's template.`}
        </p>
      </div>
      <div class="toolbar">
        <button type="button" class="primary" onClick={() => { save().catch(logRejection('save the house style')); }}>Save house style</button>
        <button type="button" onClick={() => { setDraft(resetToPreset(draft)); setStatus(`Templates reset to the ${draft.preset} preset's; save to use them.`); }}>
          Reset to preset
        </button>
        {dirty && <span class="hint">Unsaved changes: exports use the saved style until you save.</span>}
      </div>
      <p class="house-style-status" role="status">{status}</p>
    </section>
  );
}

/** "line 2, column 4: unknown name …" as a sentence: "Line 2, column 4: unknown name …." */
function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?)]$/.test(text) ? text : `${text}.`;
}
