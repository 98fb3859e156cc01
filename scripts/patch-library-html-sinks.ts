/**
 * A Vite plugin that rewrites the few places where the libraries Roundup bundles parse HTML from a string
 * (`innerHTML =`), so the extension ships no HTML-parsing sink (addons.mozilla.org's linter
 * warns on each one, and each is where a string could become live markup).
 *
 * Each patch names the exact text it replaces in the file Vite bundles, and the version it was written
 * against; package.json pins that exact version (a caret range would let an ordinary `npm install` bring
 * another). When the installed version differs, or an upgrade changes the text or moves the file, the build
 * fails and says which patch to redo, instead of shipping the sink unnoticed.
 * Only the extension bundles are patched: the CLI, benchmark and tests import the libraries unchanged.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

export interface LibraryPatch {
  packageName: string;
  /** The version whose text the patch replaces; package.json pins exactly this one. */
  version: string;
  /** The file Vite bundles, relative to the package folder (see the package's `exports`). */
  file: string;
  replacements: ReadonlyArray<{ find: string; replace: string }>;
}

export const LIBRARY_PATCHES: readonly LibraryPatch[] = [
  {
    // Roundup passes `dangerouslySetInnerHTML` nowhere (a lint rule in eslint.config.js bans it; the editor
    // renders Markdown as vnodes, see src/ui/markdown-view.tsx), so the branch that would apply it fails
    // loudly instead. In Preact's source (src/diff/index.js, `diffElementNodes`) the minified text reads:
    //   if (newHtml) {
    //     if (!isHydrating && (!oldHtml || (newHtml.__html != oldHtml.__html && newHtml.__html != dom.innerHTML)))
    //       dom.innerHTML = newHtml.__html;
    //     newVNode._children = [];
    //   } else …
    // and becomes `if (newHtml) throw Error(…); else …`.
    packageName: 'preact',
    version: '11.2.0',
    file: 'dist/preact.mjs',
    replacements: [{
      find: 'h?(l||y&&(h.__html==y.__html||h.__html==t.innerHTML)||(t.innerHTML=h.__html),r.__k=[]):',
      replace: 'h?(()=>{throw Error("Roundup does not render raw HTML: dangerouslySetInnerHTML is not supported (scripts/patch-library-html-sinks.ts)")})():',
    }],
  },
  {
    packageName: '@mozilla/readability',
    version: '0.6.0',
    file: 'Readability.js',
    replacements: [
      {
        // Between attempts Readability restores the page it rewrites. A clone of the nodes restores the
        // same tree the HTML would, without serializing and re-parsing it.
        find: 'var pageCacheHtml = page.innerHTML;',
        replace: 'var pageCacheNodes = Array.from(page.childNodes, function (node) { return node.cloneNode(true); });',
      },
      {
        find: 'page.innerHTML = pageCacheHtml;',
        replace: 'var restoredPage = page.ownerDocument.createDocumentFragment();\n'
          + 'pageCacheNodes.forEach(function (node) { restoredPage.appendChild(node.cloneNode(true)); });\n'
          + 'page.replaceChildren(restoredPage);',
      },
      {
        // The <noscript>'s HTML is parsed into an inert document instead of into an element of the page.
        // Starting in the body keeps <meta>/<link> there, in order, as fragment parsing does; the doctype
        // avoids quirks mode. linkedom's DOMParser (the unit test's) needs <html><head> spelled out.
        find: 'tmp.innerHTML = noscript.innerHTML;',
        replace: 'var noscriptBody = new DOMParser().parseFromString("<!doctype html><html><head></head><body>" + noscript.innerHTML, "text/html").body;\n'
          + 'Array.from(noscriptBody.childNodes, function (node) { tmp.appendChild(tmp.ownerDocument.importNode(node, true)); });',
      },
    ],
  },
];

/**
 * Assignments and calls that make the browser parse a string as HTML into the page, in plain or minified
 * code: the ones addons.mozilla.org's linter (eslint-plugin-no-unsanitized) warns about.
 */
const HTML_SINK = /\.(?:inner|outer)HTML\s*(?:\+|\|\||&&|\?\?)?=(?!=)|\b(?:insertAdjacentHTML|createContextualFragment|setHTMLUnsafe)\s*\(|\bdocument\.write(?:ln)?\s*\(/g;

/** Each HTML-parsing sink in `code`, with a little of the code around it. */
export function findHtmlSinks(code: string): string[] {
  return [...code.matchAll(HTML_SINK)].map((match) => code.slice(Math.max(0, match.index - 60), match.index + 40));
}

function packageFolder(patch: LibraryPatch): string {
  return `/node_modules/${patch.packageName}/`;
}

function normalizeModuleId(id: string): string {
  return id.replace(/[?#].*$/, '').replaceAll('\\', '/');
}

/** Throws unless the package that `id` (a bundled file of it) belongs to is the version the patch was written for. */
export function checkPatchedVersion(patch: LibraryPatch, id: string): void {
  const path = normalizeModuleId(id);
  const folder = path.slice(0, path.lastIndexOf(packageFolder(patch)) + packageFolder(patch).length);
  const { version } = JSON.parse(readFileSync(`${folder}package.json`, 'utf8')) as { version?: string };
  if (version !== patch.version) {
    throw new Error(`${patch.packageName} ${version ?? '(no version)'} is installed, but scripts/patch-library-html-sinks.ts `
      + `was written for ${patch.version}. Pin ${patch.packageName} to ${patch.version} in package.json, or redo the patch `
      + 'against the new source and update its version.');
  }
}

export function findPatchForModule(id: string): LibraryPatch | undefined {
  const path = normalizeModuleId(id);
  return LIBRARY_PATCHES.find((patch) => path.endsWith(packageFolder(patch) + patch.file));
}

/** `code` with each of the patch's replacements made; throws when a text is not there exactly once or a sink is left. */
export function applyLibraryPatch(patch: LibraryPatch, code: string): string {
  let patched = code;
  for (const { find } of patch.replacements) {
    const count = patched.split(find).length - 1;
    if (count !== 1) {
      throw new Error(`${patch.packageName}/${patch.file} contains ${count === 0 ? 'no' : count} copies of the text `
        + `${JSON.stringify(find)} that scripts/patch-library-html-sinks.ts replaces (expected exactly one). `
        + 'The library has changed: find its HTML-parsing sink in the new source and update the patch.');
    }
  }
  for (const { find, replace } of patch.replacements) patched = patched.replace(find, () => replace);
  const left = findHtmlSinks(patched);
  if (left.length > 0) {
    throw new Error(`${patch.packageName}/${patch.file} still parses HTML into the page after scripts/patch-library-html-sinks.ts patched it: `
      + `${left.map((around) => JSON.stringify(around)).join(', ')}. Add a patch for it.`);
  }
  return patched;
}

/** The Vite plugin; give it to every build that bundles one of the patched libraries. */
export function patchLibraryHtmlSinks(): Plugin {
  const patched = new Set<LibraryPatch>();
  return {
    name: 'roundup:patch-library-html-sinks',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      patched.clear();
    },
    transform: {
      filter: { id: /[\\/]node_modules[\\/]/ },
      handler(code, id) {
        const patch = findPatchForModule(id);
        if (!patch) return null;
        try {
          checkPatchedVersion(patch, id);
          const result = applyLibraryPatch(patch, code);
          patched.add(patch);
          return { code: result, map: null };
        } catch (error) {
          return this.error((error as Error).message);
        }
      },
    },
    buildEnd(error) {
      if (error) return;
      const bundled = [...this.getModuleIds()].map(normalizeModuleId);
      for (const patch of LIBRARY_PATCHES) {
        const fromPackage = bundled.filter((id) => id.includes(packageFolder(patch)));
        if (fromPackage.length > 0 && !patched.has(patch)) {
          this.error(`${patch.packageName} is bundled (${fromPackage.join(', ')}) but not from ${patch.file}, the file `
            + 'scripts/patch-library-html-sinks.ts patches: the package has changed its layout; update the patch.');
        }
      }
    },
  };
}
