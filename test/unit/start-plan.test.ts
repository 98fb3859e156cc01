import { describe, expect, it } from 'vitest';
import { describeBrowserExit, manualInstructions, planStart } from '../../scripts/start-plan.mjs';

const facts = {
  platform: 'linux', env: { DISPLAY: ':99' }, uid: 1000, firefox: false, executable: '/usr/bin/chromium',
  dist: '/repo/dist', demoUrl: 'http://127.0.0.1:4000/articles/tinyml-tour', profile: '/tmp/profile', webExt: '/repo/node_modules/.bin/web-ext',
};

describe('planStart', () => {
  it('opens Chromium with the extension and the demo article, as the e2e harness starts it', () => {
    const plan = planStart(facts);
    expect(plan).toMatchObject({ kind: 'browser', command: '/usr/bin/chromium' });
    if (plan.kind !== 'browser') return;
    expect(plan.args).toEqual(expect.arrayContaining(['--load-extension=/repo/dist', '--disable-extensions-except=/repo/dist',
      '--user-data-dir=/tmp/profile', '--disable-background-networking']));
    expect(plan.args.at(-1)).toBe(facts.demoUrl);
    expect(plan.args).not.toContain('--no-sandbox');
  });

  it('passes --no-sandbox as root, where Chromium refuses to start without it', () => {
    const plan = planStart({ ...facts, uid: 0 });
    expect(plan.kind === 'browser' && plan.args).toContain('--no-sandbox');
  });

  it('opens Firefox through web-ext', () => {
    expect(planStart({ ...facts, firefox: true, executable: '/usr/bin/firefox-esr', dist: '/repo/dist-firefox' })).toEqual({
      kind: 'browser', name: 'Firefox', command: facts.webExt,
      args: ['run', '--source-dir', '/repo/dist-firefox', '--firefox', '/usr/bin/firefox-esr', '--start-url', facts.demoUrl, '--no-config-discovery'],
    });
  });

  it.each([
    ['no display on Linux', { env: {} }, /No display found/],
    ['no browser', { executable: undefined }, /No Chromium found \(set CHROMIUM_PATH\)/],
  ])('keeps the demo served and explains loading by hand with %s', (_name, changed, reason) => {
    const plan = planStart({ ...facts, ...changed });
    expect(plan.kind).toBe('manual');
    if (plan.kind !== 'manual') return;
    expect(plan.reason).toMatch(reason);
    expect(manualInstructions({ reason: plan.reason, firefox: false, dist: facts.dist, demoUrl: facts.demoUrl }))
      .toMatch(/Load unpacked", pick the dist\/ folder\nDemo article, served until you press Ctrl\+C: http:\/\/127\.0\.0\.1:4000/);
  });

  it('needs no DISPLAY on macOS or Windows, and takes a Wayland display on Linux', () => {
    expect(planStart({ ...facts, platform: 'darwin', env: {} }).kind).toBe('browser');
    expect(planStart({ ...facts, env: { WAYLAND_DISPLAY: 'wayland-0' } }).kind).toBe('browser');
  });
});

describe('describeBrowserExit', () => {
  it('shows the exit code and the end of the browser’s stderr', () => {
    const stderr = `noise\n${'line\n'.repeat(40)}[FATAL:zygote_host_impl_linux.cc] Running as root without --no-sandbox is not supported.\n`;
    const text = describeBrowserExit({ name: 'Chromium', code: 1, signal: null, stderr });
    expect(text).toMatch(/^Chromium exited with code 1\.\nIts last messages:\n/);
    expect(text).toContain('Running as root without --no-sandbox is not supported.');
    expect(text).not.toContain('noise');
    expect(describeBrowserExit({ name: 'Chromium', code: null, signal: 'SIGKILL', stderr: '' })).toBe('Chromium was stopped by SIGKILL. It printed nothing.');
  });
});
