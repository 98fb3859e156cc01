/** The default sections of a new issue, in order: rename, reorder, add, remove. */
import { useState } from 'preact/hooks';

interface Props {
  names: readonly string[];
  onSave: (names: string[]) => void;
}

export function SectionNamesEditor({ names: saved, onSave }: Props) {
  // Kept here as typed (a name being retyped may be empty for a moment); saved without empty names.
  const [names, setNames] = useState<string[]>([...saved]);
  const [added, setAdded] = useState('');

  function update(next: string[]) {
    setNames(next);
    onSave(next.map((name) => name.trim()).filter(Boolean));
  }

  function move(index: number, by: number) {
    const next = [...names];
    const [name] = next.splice(index, 1);
    next.splice(index + by, 0, name ?? '');
    update(next);
  }

  return (
    <fieldset class="section-names">
      <legend>Default sections, in order</legend>
      <ol>
        {names.map((name, index) => (
          <li key={index} class="section-name-row">
            <label for={`default-section-${index}`} class="visually-hidden">Section {index + 1}</label>
            <input id={`default-section-${index}`} type="text" value={name}
              onInput={(event) => update(names.map((old, i) => (i === index ? event.currentTarget.value : old)))} />
            <button type="button" class="quiet" disabled={index === 0} aria-label={`Move ${name || `section ${index + 1}`} up`} onClick={() => move(index, -1)}>↑</button>
            <button type="button" class="quiet" disabled={index === names.length - 1} aria-label={`Move ${name || `section ${index + 1}`} down`} onClick={() => move(index, 1)}>↓</button>
            <button type="button" class="quiet" aria-label={`Remove ${name || `section ${index + 1}`}`} onClick={() => update(names.filter((_, i) => i !== index))}>Remove</button>
          </li>
        ))}
      </ol>
      <form class="row" onSubmit={(event) => {
        event.preventDefault();
        if (added.trim() === '') return;
        update([...names, added.trim()]);
        setAdded('');
      }}>
        <label for="default-section-new" class="visually-hidden">New default section</label>
        <input id="default-section-new" type="text" placeholder="New section" value={added} onInput={(event) => setAdded(event.currentTarget.value)} />
        <button type="submit">Add section</button>
      </form>
    </fieldset>
  );
}
