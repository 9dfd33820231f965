/**
 * Walks over a linkedom tree along the list linkedom keeps it in: every node's start, its attributes, its
 * content and an end marker, in document order. linkedom's own querySelectorAll and textContent walk this
 * list; the public steps (firstElementChild, nextElementSibling, firstChild) each re-walk a node's attributes
 * and text, most of a whole-tree walk's cost (issue 10). The list's links are linkedom's private symbols
 * 'next' and 'end', found once on a probe element; without them (another linkedom) every walk here takes the
 * public steps instead, with the same answers.
 */
import { parseHTML } from 'linkedom';
import { ELEMENT_NODE, TEXT_NODE, type DomElement, type DomNode } from './dom.js';

const CDATA_SECTION_NODE = 4;

/** A node as linkedom links it. */
type Linked = { [link: symbol]: Linked | null | undefined } & DomNode & { localName?: string };

function linkNamed(description: string): symbol | undefined {
  const probe = parseHTML('<!doctype html><html><body></body></html>').document.createElement('p');
  return Object.getOwnPropertySymbols(probe).find((symbol) => symbol.description === description);
}

const NEXT = linkNamed('next');
const END = linkNamed('end');

/** A document or element to walk inside. */
export interface WalkRoot {
  firstElementChild: DomElement | null;
}

interface TreeElement extends DomElement {
  parentNode: TreeElement | null;
}

interface TreeNode extends DomNode {
  parentNode: unknown;
  firstChild?: TreeNode | null;
  nextSibling: TreeNode | null;
}

/** The element after `element` inside `root` (the whole document when null), by the public steps. */
export function nextElementByTree(element: DomElement, root: WalkRoot | null = null): DomElement | null {
  if (element.localName !== 'template') {
    const child = element.firstElementChild;
    if (child) return child;
  }
  for (let node = element as TreeElement | null; node && (node as unknown) !== root; node = node.parentNode) {
    const sibling = node.nextElementSibling;
    if (sibling) return sibling;
  }
  return null;
}

/** The first element from `node` on along the list, up to `stop`. */
function firstLinkedElement(node: Linked | null | undefined, stop: Linked | null, next: symbol): DomElement | null {
  for (; node && node !== stop; node = node[next])
    if (node.nodeType === ELEMENT_NODE) return node as unknown as DomElement;
  return null;
}

/** The element after `from` on the list, up to `stop`; a template's content is stepped over. */
function nextLinkedElement(from: Linked, stop: Linked | null, next: symbol, end: symbol): DomElement | null {
  return firstLinkedElement(from.localName === 'template' ? from[end]![next] : from[next], stop, next);
}
/**
 * The element after `element` in document order, as `querySelectorAll('*')` lists them (a template's content
 * is not walked), or null after the last.
 */
export function nextElementInOrder(element: DomElement): DomElement | null {
  if (!NEXT || !END) return nextElementByTree(element);
  return nextLinkedElement(element as unknown as Linked, null, NEXT, END);
}

/**
 * The elements inside `root` whose lower-cased name is in `names`, in document order: what linkedom's
 * querySelectorAll('name,…') finds in an HTML document, without compiling and matching a selector.
 */
export function elementsNamed(root: WalkRoot, names: ReadonlySet<string>): DomElement[] {
  const found: DomElement[] = [];
  if (!NEXT || !END) {
    for (let element = root.firstElementChild; element; element = nextElementByTree(element, root))
      if (names.has(element.localName.toLowerCase())) found.push(element);
    return found;
  }
  const stop = (root as unknown as Linked)[END] ?? null;
  for (
    let element = firstLinkedElement((root as unknown as Linked)[NEXT], stop, NEXT);
    element;
    element = nextLinkedElement(element as unknown as Linked, stop, NEXT, END)
  )
    if (names.has(element.localName.toLowerCase())) found.push(element);
  return found;
}

/**
 * What `root.getElementsByTagName(name)` finds in an HTML document for a lower-case name: the elements whose
 * local name is `name`, template content included, in document order.
 */
export function elementsByTagName(
  root: WalkRoot & { getElementsByTagName(name: string): ArrayLike<DomElement> },
  name: string,
): DomElement[] {
  if (!NEXT || !END) return Array.from(root.getElementsByTagName(name));
  const found: DomElement[] = [];
  const stop = (root as unknown as Linked)[END] ?? null;
  for (let node = (root as unknown as Linked)[NEXT]; node && node !== stop; node = node[NEXT])
    if (node.nodeType === ELEMENT_NODE && node.localName === name) found.push(node as unknown as DomElement);
  return found;
}

const isText = (node: DomNode): boolean => node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE;
const NON_SPACE = /\S/;

/**
 * Whether the text under `node` is more than white space, as `node.textContent.trim() !== ''` says (the same
 * text nodes, template content included), stopping at the first that is.
 */
export function hasNonSpaceText(node: DomNode): boolean {
  if (NEXT && END) {
    const stop = (node as Linked)[END];
    for (let current = (node as Linked)[NEXT]; current && current !== stop; current = current[NEXT])
      if (isText(current) && NON_SPACE.test(current.textContent ?? '')) return true;
    return false;
  }
  return hasNonSpaceTextByTree(node);
}

/** hasNonSpaceText by the public steps. */
export function hasNonSpaceTextByTree(node: DomNode): boolean {
  let current: TreeNode | null = (node as TreeNode).firstChild ?? null;
  while (current) {
    if (isText(current)) {
      if (NON_SPACE.test(current.textContent ?? '')) return true;
    } else if (current.nodeType === ELEMENT_NODE && current.firstChild) {
      current = current.firstChild;
      continue;
    }
    while (!current.nextSibling) {
      current = current.parentNode as TreeNode | null;
      if (!current || current === node) return false;
    }
    current = current.nextSibling;
  }
  return false;
}
