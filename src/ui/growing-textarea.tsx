/**
 * A text box that grows with its text, so a long title is read whole rather than scrolled to its end.
 * Chromium sizes it with `field-sizing: content`; elsewhere (Firefox) its height follows its scroll height.
 * `singleLine` keeps the text on one line (Enter is the caller's; pasted line breaks become spaces).
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { TextareaHTMLAttributes } from 'preact';

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onInput' | 'value'> & {
  value: string;
  onValue: (value: string) => void;
  singleLine?: boolean;
};

const sizesItself = typeof CSS !== 'undefined' && CSS.supports?.('field-sizing', 'content');

export function GrowingTextarea({ value, onValue, singleLine = false, class: className, ...rest }: Props) {
  const box = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element || sizesItself) return;
    element.style.height = 'auto';
    // Up to the CSS max-height; past it the box scrolls.
    element.style.height = `${element.scrollHeight + element.offsetHeight - element.clientHeight}px`;
  }, [value]);
  return (
    <textarea {...rest} ref={box} rows={rest.rows ?? 1} value={value} class={['grows', className].filter(Boolean).join(' ')}
      onInput={(event) => {
        const text = event.currentTarget.value;
        onValue(singleLine ? text.replace(/[\r\n]+/g, ' ') : text);
      }} />
  );
}
