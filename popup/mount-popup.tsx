import { render } from 'preact';
import '../src/ui/base.css';
import type { OpenedPopup } from './open-popup.ts';
import './popup.css';
import { Popup } from './popup.tsx';

export function mountPopup(opening: Promise<OpenedPopup>): void {
  render(<Popup opening={opening} />, document.getElementById('app')!);
}
