#!/usr/bin/env node
// `npm start [-- --firefox]`: builds the extension, serves a demo article on loopback, and opens a browser
// with the extension loaded and the article open. With no display, says how to load dist/ by hand.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const firefox = process.argv.includes('--firefox');
const dist = join(root, firefox ? 'dist-firefox' : 'dist');

const build = spawnSync('npm', ['run', firefox ? 'build:firefox' : 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const article = readFileSync(join(root, 'test/fixtures/pages/demo-article.html'));
const server = createServer((_request, response) => {
  response.setHeader('content-type', 'text/html; charset=utf-8');
  response.end(article);
});
await new Promise((done) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', done));
const demoUrl = `http://127.0.0.1:${server.address().port}/articles/tinyml-tour`;

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const candidates = firefox
  ? [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox']
  : [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser',
     '/Applications/Chromium.app/Contents/MacOS/Chromium'];
const executable = candidates.find((path) => path && existsSync(path));

if (!hasDisplay || !executable) {
  console.log(`
Built ${dist}
${!executable ? `No ${firefox ? 'Firefox' : 'Chromium'} found (set ${firefox ? 'FIREFOX_PATH' : 'CHROMIUM_PATH'}).` : 'No display found, so no browser was opened.'}
Load the extension by hand:
${firefox
    ? '  Firefox 140+: open about:debugging#/runtime/this-firefox, "Load Temporary Add-on…", pick dist-firefox/manifest.json\n' +
      '  (it stays until Firefox quits; `npx web-ext run --source-dir dist-firefox` does the same from a shell)'
    : '  Chromium/Chrome: open chrome://extensions, switch on "Developer mode", "Load unpacked", pick the dist/ folder'}
Demo article (served while this runs; Ctrl+C to stop): ${demoUrl}
`);
  if (!process.stdout.isTTY || process.env.CI) server.close();
} else if (firefox) {
  // web-ext installs the build as a temporary add-on in a fresh profile (Firefox keeps no unsigned
  // add-on across restarts) and reloads it when dist-firefox/ changes.
  console.log(`Opening ${executable} with Roundup loaded and ${demoUrl}`);
  const child = spawn(join(root, 'node_modules/.bin/web-ext'), ['run', '--source-dir', dist, '--firefox', executable,
    '--start-url', demoUrl, '--no-config-discovery'], { cwd: root, stdio: 'inherit' });
  child.on('exit', () => server.close());
} else {
  const profile = mkdtempSync(join(tmpdir(), 'roundup-profile-'));
  const args = [`--user-data-dir=${profile}`, `--disable-extensions-except=${dist}`, `--load-extension=${dist}`,
    '--no-first-run', '--no-default-browser-check', demoUrl];
  console.log(`Opening ${executable} with Roundup loaded and ${demoUrl}`);
  const child = spawn(executable, args, { stdio: 'ignore' });
  child.on('exit', () => server.close());
}
