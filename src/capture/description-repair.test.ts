import { describe, expect, it } from 'vitest';
import { completeFromBody, dropDanglingFragment, withoutFurniture } from './description-repair.ts';
import { parseHtmlDocument } from './node-document.ts';

// Issue #16: each case is cut down from the shared corpus page named beside it.
describe('withoutFurniture', () => {
  it.each([
    ['a date and time in front (trafilatura/kyffhaeuser-nachrichten.de-Regen)',
      '31.10.2023, 10.19 Uhr : Das Wetter eignet sich ja bekanntermaßen exzellent dazu, behäbige Konversation zu beleben.',
      'Das Wetter eignet sich ja bekanntermaßen exzellent dazu, behäbige Konversation zu beleben.'],
    ['a call to read on (trafilatura/OnlineMarketing.de-Instagram)',
      'Instagram testet eine neue Videofunktion in den Stories. Diese kann vor allem für Creator interessant sein. Lies hier mehr zu dem Thema.',
      'Instagram testet eine neue Videofunktion in den Stories. Diese kann vor allem für Creator interessant sein.'],
    ['"Continue reading" with an arrow', 'The council voted to keep the library open on Sundays. Continue reading →', 'The council voted to keep the library open on Sundays.'],
    ['a literal "\\n" (trafilatura/Volksstimme.ch-loehne)', 'So bleibt man als Arbeitgeber attraktiv\\n Das Zentrum Ergolz lud zur Gesprächsrunde ein.',
      'So bleibt man als Arbeitgeber attraktiv Das Zentrum Ergolz lud zur Gesprächsrunde ein.'],
    ['literal paragraph tags', '<p>The council voted to keep the library open on Sundays.</p>', 'The council voted to keep the library open on Sundays.'],
    ['literal inline tags, leaving no space before the full stop', 'The council voted to keep <b>the library</b> open on <em>Sundays</em>.',
      'The council voted to keep the library open on Sundays.'],
    ['a literal line break between two sentences', 'The council voted.<br>The library stays open.', 'The council voted. The library stays open.'],
  ])('drops %s', (_name, text, expected) => {
    expect(withoutFurniture(text)).toBe(expected);
  });

  it('keeps a description that only mentions reading', () => {
    const text = 'Why children who read more at home learn to read faster at school, and what parents can do.';
    expect(withoutFurniture(text)).toBe(text);
  });
});

describe('completeFromBody', () => {
  // trafilatura/nnz-online.de-Quantensprung: the description stops at "…" inside a sentence the article has whole.
  const body = '<article><p>In Nordhausen wurde am Freitag die neue Mehrgenerationenanlage eröffnet. Für das Quartier sei die neue Anlage ein "Quantensprung", hieß es aus dem Rathaus. Die Mieter ziehen im Mai ein.</p></article>';
  const paragraphs = () => Array.from(parseHtmlDocument(body).querySelectorAll('p'));

  it('finishes the sentence the site cut', () => {
    expect(completeFromBody('In Nordhausen wurde am Freitag die neue Mehrgenerationenanlage eröffnet. Für das Quartier sei die neue Anlage ein…', paragraphs()))
      .toBe('In Nordhausen wurde am Freitag die neue Mehrgenerationenanlage eröffnet. Für das Quartier sei die neue Anlage ein "Quantensprung", hieß es aus dem Rathaus.');
  });

  it('leaves a description that is not cut, or whose text the article does not have', () => {
    expect(completeFromBody('In Nordhausen wurde am Freitag die neue Mehrgenerationenanlage eröffnet.', paragraphs())).toBeNull();
    expect(completeFromBody('Ein ganz anderer Text, der in diesem Artikel nirgends vorkommt und abbricht…', paragraphs())).toBeNull();
  });
});

describe('dropDanglingFragment', () => {
  it('ends a description of several sentences that stops mid-word at its last whole sentence', () => {
    expect(dropDanglingFragment('Toyota will build a battery plant in Kyushu. Output starts in 2027. The company plans to hire 2,000 wor'))
      .toBe('Toyota will build a battery plant in Kyushu. Output starts in 2027.');
  });

  it('keeps a one-line description without a full stop, and a long last sentence', () => {
    expect(dropDanglingFragment('So bleibt man als Arbeitgeber attraktiv')).toBe('So bleibt man als Arbeitgeber attraktiv');
    const long = 'Short one. Then a much longer second sentence that goes on and on about the subject at hand without end';
    expect(dropDanglingFragment(long)).toBe(long);
  });
});
