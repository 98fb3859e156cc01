/** "New section name" + "Add section": the popup and the editor page add sections the same way. */
import { useState } from 'preact/hooks';
import { logRejection } from '../core/rejections.ts';

interface Props {
  /** Adds the section; true clears the field for the next one. */
  onAdd: (name: string) => Promise<boolean>;
  placeholder: string;
  class?: string;
}

export function AddSectionForm({ onAdd, placeholder, class: className = 'row' }: Props) {
  const [name, setName] = useState('');

  async function submit(event: Event) {
    event.preventDefault();
    if (name.trim() === '') return;
    if (await onAdd(name)) setName('');
  }

  return (
    <form class={className} onSubmit={(event) => { submit(event).catch(logRejection('add the section')); }}>
      <label for="new-section" class="visually-hidden">New section name</label>
      <input id="new-section" type="text" placeholder={placeholder} value={name}
        onInput={(event) => setName(event.currentTarget.value)} />
      <button type="submit">Add section</button>
    </form>
  );
}
