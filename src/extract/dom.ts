/**
 * The slice of the DOM that extraction uses, typed here because the project compiles without the DOM
 * library. linkedom's nodes satisfy it.
 */
import { parseHTML } from 'linkedom';

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

export interface DomElement extends DomNode {
  tagName: string;
  localName: string;
  parentElement: DomElement | null;
  firstElementChild: DomElement | null;
  nextElementSibling: DomElement | null;
  getAttribute(name: string): string | null;
  getAttributeNode(name: string): { value: string } | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
  replaceWith(node: DomNode): void;
}

export interface DomDocument {
  title: string;
  firstElementChild: DomElement | null;
  body: DomElement | null;
  documentElement: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  createElement(tag: string): DomElement;
}

/** Parses HTML into a linkedom document; a fragment gets the html/body it lacks. */
export function parseDocument(html: string): DomDocument {
  const page = /<html[\s>]/i.test(html.slice(0, 4000))
    ? html
    : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(page).document as unknown as DomDocument;
}

/** All elements matching a selector, as an array. */
export function selectAll(root: DomDocument | DomElement, selector: string): DomElement[] {
  return Array.from(root.querySelectorAll(selector));
}

/**
 * The class attribute as written, for substring tests. linkedom's getAttribute('class') rebuilds the string
 * from the element's token set on every call, which a walk over every element pays for (issue 10).
 */
export function classOf(element: DomElement): string {
  return element.getAttributeNode('class')?.value ?? '';
}

/** Trimmed, whitespace-collapsed text content; '' for none. */
export function textOf(node: DomNode | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
