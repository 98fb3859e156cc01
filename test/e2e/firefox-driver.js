/**
 * Runs inside the test copy of the extension (firefox-harness.ts). Firefox's WebDriver BiDi skips every
 * moz-extension context (Bug 1755014), so the test cannot script Roundup's pages itself: this page frames
 * them and acts on their DOM for it, taking one command at a time from the test's loopback server. It is
 * an extension page of Roundup's own, so the framed popup gets the full extension API, and as an inactive
 * tab it leaves the article as the window's active tab: the one the popup captures.
 */
const server = new URLSearchParams(location.search).get('server');
const frame = /** @type {HTMLIFrameElement} */ (document.getElementById('page'));

function framed() {
  const doc = frame.contentDocument;
  if (!doc) throw new Error('no page is open');
  return doc;
}

function find(selector) {
  const element = framed().querySelector(selector);
  if (!element) throw new Error(`nothing matches ${selector}`);
  return element;
}

// Preact listens for the same events a person's typing and choosing fire.
function setValue(element, value, eventType) {
  element.focus();
  element.value = value;
  element.dispatchEvent(new Event(eventType, { bubbles: true }));
}

function readStore(storeName) {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open('roundup');
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const db = opening.result;
      const reading = db.transaction(storeName).objectStore(storeName).getAll();
      reading.onsuccess = () => { resolve(reading.result); db.close(); };
      reading.onerror = () => reject(reading.error);
    };
  });
}

/** Files the framed page saved through a link with `download` (src/ui/download.ts), read instead of saved. */
let downloads = [];

function catchDownloads(page) {
  page.document.addEventListener('click', (event) => {
    const link = event.target instanceof page.HTMLAnchorElement && event.target.hasAttribute('download') ? event.target : null;
    if (!link) return;
    event.preventDefault();
    downloads.push(page.fetch(link.href).then(async (response) => ({ fileName: link.download, text: await response.text() })));
  }, true);
}

const commands = {
  open: ({ path }) => new Promise((resolve) => {
    frame.onload = () => { catchDownloads(frame.contentWindow); resolve(null); };
    downloads = [];
    frame.src = `/${path}`;
  }),
  text: () => framed().body.innerText,
  value: ({ selector }) => find(selector).value,
  fill: ({ selector, value }) => setValue(find(selector), value, 'input'),
  choose: ({ selector, label }) => {
    const select = find(selector);
    const option = [...select.options].find((candidate) => candidate.text === label);
    if (!option) throw new Error(`${selector} has no option ${label}`);
    setValue(select, option.value, 'change');
  },
  press: ({ name }) => {
    const accessibleName = (button) => button.getAttribute('aria-label') ?? button.textContent.trim();
    const button = [...framed().querySelectorAll('button')].find((candidate) => accessibleName(candidate) === name);
    if (!button) throw new Error(`no button named ${name}`);
    if (button.disabled) throw new Error(`the button ${name} is disabled`);
    button.click();
  },
  downloads: () => Promise.all(downloads),
  storedRecords: ({ store }) => readStore(store),
  badgeText: () => globalThis.browser.action.getBadgeText({}),
};

for (;;) {
  const command = await (await fetch(`${server}/next`)).json();
  let reply;
  try {
    const run = commands[command.name];
    if (!run) throw new Error(`unknown command ${command.name}`);
    reply = { id: command.id, ok: true, value: (await run(command.args)) ?? null };
  } catch (error) {
    reply = { id: command.id, ok: false, error: String(error) };
  }
  await fetch(`${server}/reply`, { method: 'POST', body: JSON.stringify(reply) });
}
