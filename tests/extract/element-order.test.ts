/**
 * scanPage walks a page's elements with nextElementInOrder instead of `querySelectorAll('*')` (issue 10): the
 * walk must list the same elements in the same order, templates and odd nesting included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nextElementInOrder, parseDocument, type DomDocument, type DomElement } from '../../src/extract/dom.js';

function walked(doc: DomDocument): DomElement[] {
  const elements: DomElement[] = [];
  for (let element = doc.firstElementChild; element; element = nextElementInOrder(element)) elements.push(element);
  return elements;
}

const PAGES = [
  '<p>A fragment <b>with <i>nesting</i></b></p><div><span></span></div>',
  `<!doctype html><html><head><title>T</title><meta name="a" content="b"></head><body>
     <template><div class="share"><p>inside a template</p></div></template>
     <article><h1>Head</h1><figure><img src="x.jpg"><figcaption>Cap</figcaption></figure>
     <svg><g><path d="M0"></path></g></svg><ul><li>1</li><li>2<ul><li>3</li></ul></li></ul></article>
     <!-- a comment --><footer><p>end</p></footer></body></html><p>after the html end</p>`,
  '<html><body><table><tr><td><template><b>t</b></template></td></tr></table><div></div></body></html>',
];

describe('Walking a page in document order', () => {
  it('lists the same elements in the same order as querySelectorAll("*") for hand-written pages', () => {
    for (const html of PAGES) {
      const doc = parseDocument(html);
      const expected = Array.from(doc.querySelectorAll('*'));
      const actual = walked(doc);
      expect(actual.map((element) => element.tagName)).toEqual(expected.map((element) => element.tagName));
      expect(actual.every((element, i) => element === expected[i])).toBe(true);
    }
  });

  it('lists the same elements in the same order as querySelectorAll("*") for every HTML fixture', () => {
    const folder = join(import.meta.dirname, '..', 'fixtures', 'articles');
    const files = readdirSync(folder).filter((name) => name.endsWith('.html'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const doc = parseDocument(readFileSync(join(folder, name), 'utf8'));
      const expected = Array.from(doc.querySelectorAll('*'));
      const actual = walked(doc);
      expect(actual.length).toBe(expected.length);
      expect(actual.every((element, i) => element === expected[i])).toBe(true);
    }
  });
});
