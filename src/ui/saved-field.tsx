/**
 * A text field that saves through the background as the editor types (or, for values that are only
 * valid once complete such as URLs, when they leave the field). While it has focus it keeps what was
 * typed: answers from the background arrive after later keystrokes, and must not put older text back.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

interface Props {
  id: string;
  label: string;
  value: string;
  onSave: (value: string) => void;
  /** `input`: every keystroke; `change`: when the field is left or Enter is pressed. */
  saveOn?: 'input' | 'change';
  /** A message for a value that must not be saved yet, or null. */
  validate?: (value: string) => string | null;
  multiline?: boolean;
  rows?: number;
  type?: 'text' | 'url';
  hint?: string;
  placeholder?: string;
  class?: string;
  labelHidden?: boolean;
}

export function SavedField(props: Props) {
  const { id, label, value, onSave, saveOn = 'input', validate, multiline, hint, labelHidden } = props;
  const [draft, setDraft] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  const focused = useRef(false);

  useEffect(() => {
    if (!focused.current) setDraft(value);
  }, [value]);

  function commit(next: string) {
    const invalid = validate?.(next) ?? null;
    setProblem(invalid);
    if (invalid === null && next !== value) onSave(next);
  }

  const describedBy = [hint ? `${id}-hint` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ') || undefined;
  const shared = {
    id, value: draft, class: props.class, placeholder: props.placeholder, 'aria-describedby': describedBy,
    'aria-invalid': problem ? true : undefined,
    onFocus: () => { focused.current = true; },
    onBlur: () => { focused.current = false; },
    onInput: (event: Event) => {
      const next = (event.currentTarget as HTMLInputElement).value;
      setDraft(next);
      if (saveOn === 'input') commit(next);
    },
    onChange: (event: Event) => {
      if (saveOn === 'change') commit((event.currentTarget as HTMLInputElement).value);
    },
  };
  return (
    <div class="field">
      <label for={id} class={labelHidden ? 'visually-hidden' : undefined}>{label}</label>
      {/* Preact types each input type apart; `url` and `text` take the same attributes here. */}
      {multiline ? <textarea {...shared} rows={props.rows ?? 3} /> : <input {...shared} type={(props.type ?? 'text') as 'text'} />}
      {hint && <p id={`${id}-hint`} class="hint">{hint}</p>}
      {problem && <p id={`${id}-problem`} class="field-problem">{problem}</p>}
    </div>
  );
}
