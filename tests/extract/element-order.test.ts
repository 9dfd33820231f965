/**
 * scanPage and the Readability run walk a page along linkedom's linked list instead of querySelectorAll and
 * textContent (issue 10): each walk, and its fallback by the public tree steps, must give the answers those
 * give, templates and odd nesting included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument, type DomDocument, type DomElement } from '../../src/extract/dom.js';
import {
  elementsByTagName,
  elementsNamed,
  hasNonSpaceText,
  hasNonSpaceTextByTree,
  nextElementByTree,
  nextElementInOrder,
} from '../../src/extract/linked-order.js';

function walked(doc: DomDocument, next: (element: DomElement) => DomElement | null): DomElement[] {
  const elements: DomElement[] = [];
  for (let element = doc.firstElementChild; element; element = next(element)) elements.push(element);
  return elements;
}

const PAGES = [
  '<p>A fragment <b>with <i>nesting</i></b></p><div><span></span></div>',
  `<!doctype html><html><head><title>T</title><meta name="a" content="b"></head><body>
     <template><div class="share"><p>inside a template</p></div></template>
     <article><h1>Head</h1><figure><img src="x.jpg"><figcaption>Cap</figcaption></figure>
     <svg><g><path d="M0"></path></g><foreignObject><P>upper</P></foreignObject></svg>
     <ul><li>1</li><li>2<ul><li>3</li></ul></li></ul><H2>Upper-case tag</H2></article>
     <!-- a comment --><footer><p>end</p><div> &nbsp; <span>
     </span><br></div><div><!-- only a comment --></div></footer></body></html><p>after the html end</p>`,
  '<html><body><table><tr><td><template><b>t</b></template></td></tr></table><div></div></body></html>',
];

const fixturePages = (): string[] => {
  const folder = join(import.meta.dirname, '..', 'fixtures', 'articles');
  const files = readdirSync(folder).filter((name) => name.endsWith('.html'));
  expect(files.length).toBeGreaterThan(0);
  return files.map((name) => readFileSync(join(folder, name), 'utf8'));
};

const same = (actual: DomElement[], expected: ArrayLike<DomElement>): boolean =>
  actual.length === expected.length && actual.every((element, i) => element === expected[i]);

describe('Walking a page in document order', () => {
  it('lists the same elements in the same order as querySelectorAll("*"), on the list and by the tree', () => {
    for (const html of [...PAGES, ...fixturePages()]) {
      const doc = parseDocument(html);
      const expected = Array.from(doc.querySelectorAll('*'));
      expect(expected.length).toBeGreaterThan(3);
      expect(same(walked(doc, nextElementInOrder), expected)).toBe(true);
      expect(
        same(
          walked(doc, (element) => nextElementByTree(element)),
          expected,
        ),
      ).toBe(true);
    }
  });

  it('finds the elements querySelectorAll finds for a list of tag names, under the document and under elements', () => {
    const lists = [['p'], ['h1', 'h2'], ['img', 'picture', 'figure'], ['ul', 'ol'], ['b', 'li', 'div'], ['nothing']];
    for (const html of [...PAGES, ...fixturePages()]) {
      const doc = parseDocument(html);
      const roots = [doc, ...Array.from(doc.querySelectorAll('body,article,div,ul,template,td,p'))];
      for (const root of roots) {
        for (const names of lists)
          expect(same(elementsNamed(root, new Set(names)), root.querySelectorAll(names.join(',')))).toBe(true);
      }
    }
  });

  it('finds the elements getElementsByTagName finds, template content included', () => {
    for (const html of [...PAGES, ...fixturePages()]) {
      const doc = parseDocument(html) as DomDocument & { getElementsByTagName(name: string): ArrayLike<DomElement> };
      for (const name of ['p', 'img', 'b', 'template', 'div', 'svg', 'foreignObject', 'nothing'])
        expect(same(elementsByTagName(doc, name), doc.getElementsByTagName(name))).toBe(true);
    }
  });

  it('says whether an element holds more than white space as its textContent does, on the list and by the tree', () => {
    let empty = 0;
    for (const html of [...PAGES, ...fixturePages()]) {
      const doc = parseDocument(html);
      for (const element of Array.from(doc.querySelectorAll('*'))) {
        const expected = (element.textContent ?? '').trim() !== '';
        if (!expected) empty++;
        expect(hasNonSpaceText(element)).toBe(expected);
        expect(hasNonSpaceTextByTree(element)).toBe(expected);
      }
    }
    expect(empty).toBeGreaterThan(5);
  });
});
