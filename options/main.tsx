import { render } from 'preact';
import '../src/ui/base.css';
import '../src/ui/panels.css';
import './options.css';
import { Options } from './options.tsx';

render(<Options />, document.getElementById('app')!);
