// What `npm start` does on this machine, decided apart from doing it (scripts/start.mjs), so it is tested
// (test/unit/start-plan.test.ts): open a browser with the extension loaded, or, with no display or no
// browser, keep the demo article served and say how to load the extension by hand.

/** The flags the end-to-end harness starts Chromium with (test/e2e/harness.ts): quiet on a closed network. */
export const QUIET_CHROMIUM_FLAGS = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** True where a window can open: Linux needs an X or Wayland display; macOS and Windows always have one. */
export function hasDisplay(platform, env) {
  return platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * @param {{ platform: string, env: Record<string, string | undefined>, uid: number | undefined, firefox: boolean,
 *   executable: string | undefined, dist: string, demoUrl: string, profile: string, webExt: string }} facts
 */
export function planStart({ platform, env, uid, firefox, executable, dist, demoUrl, profile, webExt }) {
  const browserName = firefox ? 'Firefox' : 'Chromium';
  if (!executable) {
    return { kind: 'manual', reason: `No ${browserName} found (set ${firefox ? 'FIREFOX_PATH' : 'CHROMIUM_PATH'}).` };
  }
  if (!hasDisplay(platform, env)) {
    return { kind: 'manual', reason: 'No display found (no DISPLAY or WAYLAND_DISPLAY), so no browser was opened.' };
  }
  if (firefox) {
    // web-ext installs the build as a temporary add-on in a fresh profile and reloads it when dist-firefox/ changes.
    return {
      kind: 'browser', name: browserName, command: webExt,
      args: ['run', '--source-dir', dist, '--firefox', executable, '--start-url', demoUrl, '--no-config-discovery'],
    };
  }
  // Chromium refuses to start as root without --no-sandbox (containers, many Linux setups).
  const root = uid === 0 ? ['--no-sandbox'] : [];
  return {
    kind: 'browser', name: browserName, command: executable,
    args: [`--user-data-dir=${profile}`, `--disable-extensions-except=${dist}`, `--load-extension=${dist}`, ...QUIET_CHROMIUM_FLAGS, ...root, demoUrl],
  };
}

/** The lines printed when no browser is opened: how to load the extension by hand, and where the demo is. */
export function manualInstructions({ reason, firefox, dist, demoUrl }) {
  return [
    `Built ${dist}`,
    reason,
    'Load the extension by hand:',
    firefox
      ? '  Firefox 140+: open about:debugging#/runtime/this-firefox, "Load Temporary Add-on…", pick dist-firefox/manifest.json\n'
        + '  (it stays until Firefox quits; `npx web-ext run --source-dir dist-firefox` does the same from a shell)'
      : '  Chromium/Chrome: open chrome://extensions, switch on "Developer mode", "Load unpacked", pick the dist/ folder',
    `Demo article, served until you press Ctrl+C: ${demoUrl}`,
  ].join('\n');
}

/** What to say when the browser ended badly: its exit code or signal and the end of what it wrote to stderr. */
export function describeBrowserExit({ name, code, signal, stderr }) {
  const how = signal ? `was stopped by ${signal}` : `exited with code ${code}`;
  const tail = stderr.trim().split('\n').slice(-30).join('\n');
  return `${name} ${how}.${tail ? `\nIts last messages:\n${tail}` : ' It printed nothing.'}`;
}
