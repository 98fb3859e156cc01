import { render } from 'preact';
import '../src/ui/base.css';
import type { PopupState } from '../src/messages.ts';
import { Popup } from './popup.tsx';

export function mountPopup(opening: Promise<PopupState>): void {
  render(<Popup opening={opening} />, document.getElementById('app')!);
}
