/**
 * What is wrong with a file to import, in plain words for the editor (the options page and the editor
 * page's Import). The parser (portable.ts) names the field path, `issue.items[3].url: expected an absolute URL,
 * got "foo"`, which the command line prints as is; a person restoring a backup needs the same fact as a
 * sentence: `the link of item 4 of the issue is not a web address ("foo")`, never a schema path.
 */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  url: 'link', canonicalUrl: 'canonical link', title: 'title', summary: 'summary', note: 'note', site: 'site', authors: 'authors',
  publishedAt: 'publication date', image: 'image link', kind: 'kind', capturedAt: 'capture date', sectionId: 'section',
  position: 'place in the order', clocks: 'edit times', deleted: 'removal mark', id: 'id', number: 'number', tagline: 'tagline',
  intro: 'intro', outro: 'outro', status: 'status', createdAt: 'creation date', name: 'name', sections: 'sections', items: 'items',
  newsletterName: 'newsletter name', titlePattern: 'title pattern', defaultSections: 'default sections', introTemplate: 'intro template',
  outroTemplate: 'outro template', summaryLength: 'summary length', dateFormat: 'date format', exportedAt: 'date of the backup',
  issues: 'issues', settings: 'settings', version: 'version', format: 'format',
};

/** Rewrites of the schema's expectations, first match wins; `$1`, `$2` are the numbers or values it names. */
const PLAIN_PROBLEMS: ReadonlyArray<[RegExp, (...parts: string[]) => string]> = [
  [/^expected an absolute URL, got (.*)$/, (got) => `is not a web address (${got})`],
  [/^expected a hybrid logical clock.*$/, () => 'cannot be read'],
  [/^expected an ISO 8601 date(?: or date-time| with a time zone|-time with a time zone), got (.*)$/, (got) => `is not a date Roundup can read (${got})`],
  [/^expected at most (\d+) characters, got (\d+)$/, (max, got) => `is too long (${got} characters, at most ${max})`],
  [/^expected at most (\d+) (\w+), got (\d+)$/, (max, what, got) => `holds too many ${what === 'clocks' ? 'edit times' : what} (${got}, at most ${max})`],
  [/^required field is missing.*$/, () => 'is missing'],
  [/^unknown field$/, () => 'is not a field Roundup knows'],
  [/^expected a positive integer, got (.*)$/, (got) => `should be a whole number above zero, not ${got}`],
  [/^expected a non-empty id$/, () => 'is empty'],
  [/^expected a (?:fractional-index )?position key.*$/, () => 'is not a place in the order Roundup can read'],
  [/^no section of this issue has the id (.*)$/, (id) => `names a section the issue does not have (${id})`],
  [/^duplicate id (.*?) \(also .*\)$/, (id) => `is used twice (${id})`],
  [/^expected (.*), got (.*)$/, (wanted, got) => `should be ${wanted.replace(/^"(.*)"$/, '$1')}, not ${got}`],
];

/** `error`: what parsePortableFile said. */
export function describeFileProblem(error: string): string {
  if (/^format: /.test(error)) return 'this is not a Roundup backup or issue file';
  if (/^version: /.test(error)) return 'this Roundup file has no version Roundup can read';
  const match = /^((?:issues?|settings|exportedAt|\$schema)(?:\[\d+\])?(?:\.[A-Za-z_$][\w$]*|\[\d+\]|\["[^"]*"\])*): (.*)$/.exec(error);
  if (match === null) return error;
  const [, path = '', problem = ''] = match;
  const rewrite = PLAIN_PROBLEMS.find(([pattern]) => pattern.test(problem));
  const plain = rewrite ? problem.replace(rewrite[0], (_all, ...parts: string[]) => rewrite[1](...parts.slice(0, -2))) : problem;
  return `${describeWhere(path)} ${plain}`;
}

/** `issue.items[3].url` → `the link of item 4 of the issue`. */
function describeWhere(path: string): string {
  const steps = [...path.matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]|\["([^"]*)"\]/g)].map((step) => step[1] ?? step[3] ?? Number(step[2]));
  const places: string[] = [];
  let field: string | null = null;
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index];
    const next = steps[index + 1];
    if (typeof step === 'string' && typeof next === 'number' && ['issues', 'items', 'sections', 'authors', 'defaultSections'].includes(step)) {
      const noun = { issues: 'issue', items: 'item', sections: 'section', authors: 'author', defaultSections: 'default section' }[step];
      places.unshift(`${noun} ${next + 1}${step === 'issues' ? ' of the backup' : ''}`);
      index += 1;
    } else if (step === 'issue') places.unshift('the issue');
    else if (step === 'settings' && index === 0) places.unshift('the settings');
    else if (typeof step === 'string' && steps[index - 1] === 'clocks') field = `edit time of the ${FIELD_NAMES[step] ?? `field “${step}”`}`;
    else if (typeof step === 'string') field = FIELD_NAMES[step] ?? `field “${step}”`;
  }
  const where = places.join(' of ');
  return field === null ? where : `the ${field}${where ? ` of ${where}` : ''}`;
}
