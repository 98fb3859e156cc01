/** The settings themselves: the newsletter's name and title pattern, the shape of new issues, capture. */
import { formatIssueTitle } from '../src/core/issue-title.ts';
import { DATE_FORMATS, type Settings } from '../src/core/model.ts';
import { SavedField } from '../src/ui/saved-field.tsx';
import { SectionNamesEditor } from './section-names-editor.tsx';

const EXAMPLE_DATE = new Date();

function checkSummaryLength(value: string): string | null {
  const n = Number(value);
  return /^\d+$/.test(value.trim()) && n >= 1 && n <= 20_000 ? null : 'Enter a whole number from 1 to 20000.';
}

interface Props {
  settings: Settings;
  /** Saves at once; says in the page what went wrong (use-settings.ts). */
  save: (patch: Partial<Settings>) => void;
}

export function SettingsForm({ settings, save }: Props) {
  const example = formatIssueTitle(settings.titlePattern, { name: settings.newsletterName, number: 207, date: EXAMPLE_DATE }, settings.dateFormat);
  return (
    <>
      <section aria-labelledby="newsletter-heading">
        <h2 id="newsletter-heading">Newsletter</h2>
        <SavedField id="newsletter-name" label="Newsletter name" value={settings.newsletterName} onSave={(newsletterName) => save({ newsletterName })} />
        <SavedField id="title-pattern" label="Title pattern" value={settings.titlePattern} onSave={(titlePattern) => save({ titlePattern })}
          hint={`{name}, {number} and {date} are filled in. Issue #207 would be “${example}”.`} />
        <div class="field">
          <label for="date-format">Date format, for {'{date}'}</label>
          <select id="date-format" value={settings.dateFormat} onChange={(event) => save({ dateFormat: event.currentTarget.value as Settings['dateFormat'] })}>
            {DATE_FORMATS.map((format) => (
              <option key={format} value={format}>{formatIssueTitle('{date}', { name: '', number: 0, date: EXAMPLE_DATE }, format)}</option>
            ))}
          </select>
        </div>
      </section>

      <section aria-labelledby="new-issues-heading">
        <h2 id="new-issues-heading">New issues</h2>
        <p class="hint">These shape issues created from now on. Existing issues, and published ones above all, keep their own.</p>
        <SectionNamesEditor names={settings.defaultSections} onSave={(defaultSections) => save({ defaultSections })} />
        <SavedField id="intro-template" label="Intro template" multiline rows={4} hint="Markdown" value={settings.introTemplate}
          onSave={(introTemplate) => save({ introTemplate })} />
        <SavedField id="outro-template" label="Outro template" multiline rows={3} hint="Markdown" value={settings.outroTemplate}
          onSave={(outroTemplate) => save({ outroTemplate })} />
      </section>

      <section aria-labelledby="capture-heading">
        <h2 id="capture-heading">Capture</h2>
        <SavedField id="summary-length" label="Summary length (characters)" value={String(settings.summaryLength)} validate={checkSummaryLength}
          hint="Longer article summaries are cut at a sentence end. Paper abstracts are kept whole."
          onSave={(value) => save({ summaryLength: Number(value) })} />
        <div class="checkbox">
          <input id="keep-tracking" type="checkbox" checked={settings.keepTrackingParameters} aria-describedby="keep-tracking-hint"
            onChange={(event) => save({ keepTrackingParameters: event.currentTarget.checked })} />
          <label for="keep-tracking">Keep tracking parameters in links</label>
        </div>
        <p id="keep-tracking-hint" class="hint">
          Off: links are stored and published without utm_… , fbclid, gclid, mc_cid and the like; every other part of the address stays.
        </p>
      </section>
    </>
  );
}
