#!/usr/bin/env node
// `npm start [-- --firefox]`: builds the extension, serves a demo article on loopback, and opens a browser
// with the extension loaded and the article open. With no display (or no browser), it keeps serving the
// article until Ctrl+C and says how to load dist/ by hand. What it decides is in start-plan.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describeBrowserExit, manualInstructions, planStart } from './start-plan.mjs';

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

const candidates = firefox
  ? [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox']
  : [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser',
     '/Applications/Chromium.app/Contents/MacOS/Chromium'];
const plan = planStart({
  platform: process.platform, env: process.env, uid: process.getuid?.(), firefox,
  executable: candidates.find((path) => path && existsSync(path)), dist, demoUrl,
  profile: firefox ? '' : mkdtempSync(join(tmpdir(), 'roundup-profile-')), webExt: join(root, 'node_modules/.bin/web-ext'),
});

function stop(code) {
  server.close();
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

if (plan.kind === 'manual') {
  console.log(`\n${manualInstructions({ reason: plan.reason, firefox, dist, demoUrl })}\n`);
} else {
  console.log(`Opening ${plan.command} with Roundup loaded and ${demoUrl}`);
  // The browser's output is kept, not shown: Chromium writes routine warnings. It is shown if the browser fails.
  const child = spawn(plan.command, plan.args, { cwd: root, stdio: ['ignore', firefox ? 'inherit' : 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    if (firefox) process.stderr.write(chunk);
    stderr = (stderr + chunk).slice(-20_000);
  });
  child.on('error', (error) => {
    console.error(`Could not start ${plan.name} (${plan.command}): ${error.message}`);
    stop(1);
  });
  child.on('exit', (code, signal) => {
    if (code === 0) stop(0);
    console.error(describeBrowserExit({ name: plan.name, code, signal, stderr }));
    console.error(`\nThe demo article is still served at ${demoUrl} until you press Ctrl+C; dist/ can be loaded by hand.`);
  });
}
