import { render } from 'preact';
import '../src/ui/base.css';
import '../src/ui/panels.css';
import './editor.css';
import { Editor } from './editor.tsx';

render(<Editor />, document.getElementById('app')!);
