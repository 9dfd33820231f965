/**
 * Readability's DOM steps that are slow over linkedom, replaced on one Readability instance by steps that leave
 * the document exactly as the originals do (issue 10; checked against the shipped steps in
 * tests/extract/readability-content.test.ts). Each replacement says which linkedom cost it avoids.
 */
import { ELEMENT_NODE, type DomElement } from './dom.js';
import { elementsByTagName, elementsNamed, hasNonSpaceText, type WalkRoot } from './linked-order.js';

interface TreeElement extends DomElement {
  attributes: ArrayLike<{ name: string; value: string }>;
  children: ArrayLike<DomElement>;
  hasAttribute(name: string): boolean;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
  className: unknown;
}

/** The Readability methods replaced here (its internals, stable in 0.6). */
export interface ReadabilitySteps {
  _getAllNodesWithTag(node: WalkRoot, tagNames: string[]): ArrayLike<DomElement>;
  _isProbablyVisible(node: TreeElement): boolean;
  _isValidByline(node: TreeElement, matchString: string): boolean;
  _isElementWithoutContent(node: TreeElement): boolean;
  _unwrapNoscriptImages(doc: TreeElement): void;
  REGEXPS: { byline: RegExp };
}

/** Readability's exception for Wikimedia's math images; an SVG element's className is not a string. */
function hasFallbackImageClass(node: TreeElement): boolean {
  const className = node.className as unknown as { includes?: (text: string) => boolean } | null;
  return Boolean(className && typeof className.includes === 'function' && className.includes('fallback-image'));
}

const IMAGE_FILE = /\.(jpg|jpeg|png|webp)/i;
const IMAGE_SOURCES = new Set(['src', 'srcset', 'data-src', 'data-srcset']);

/** An <img> Readability keeps: one with a source attribute or an attribute naming an image file. */
function hasImageSource(img: TreeElement): boolean {
  const attributes = img.attributes;
  for (let i = 0; i < attributes.length; i++) {
    const attribute = attributes[i]!;
    if (IMAGE_SOURCES.has(attribute.name) || IMAGE_FILE.test(attribute.value)) return true;
  }
  return false;
}

/** Replaces the slow steps on `reader` (a Readability instance) with the equivalent steps described beside each. */
export function speedUpReadability(reader: ReadabilitySteps): void {
  const visible = reader._isProbablyVisible.bind(reader);
  const validByline = reader._isValidByline.bind(reader);
  // querySelectorAll('h1,h2') over linkedom compiles the selector with css-select and matches every element.
  reader._getAllNodesWithTag = (node, tagNames) =>
    elementsNamed(node, new Set(tagNames.map((tag) => tag.toLowerCase())));
  // Reading node.style builds a CSSStyleDeclaration (a Map behind a Proxy) per element; without a style
  // attribute its display and visibility are '' and only the attribute checks decide.
  reader._isProbablyVisible = (node) => {
    if (typeof node.getAttributeNode !== 'function' || node.getAttributeNode('style') !== null) return visible(node);
    return (
      !node.hasAttribute('hidden') &&
      (!node.hasAttribute('aria-hidden') || node.getAttribute('aria-hidden') !== 'true' || hasFallbackImageClass(node))
    );
  };
  // The original joins the text of the whole subtree before testing the cheap attribute and class conditions.
  reader._isValidByline = (node, matchString) => {
    const rel = node.getAttribute('rel');
    const itemprop = node.getAttribute('itemprop');
    const named = rel === 'author' || Boolean(itemprop?.includes('author')) || reader.REGEXPS.byline.test(matchString);
    return named && validByline(node, matchString);
  };
  // The original joins the text of the whole subtree to see whether any of it is more than white space.
  // The original's first half removes <img>s without a source, building the attribute list twice per attribute
  // read; its second half only has work where a <noscript> is left (extraction strips them before parsing).
  const unwrapNoscriptImages = reader._unwrapNoscriptImages.bind(reader);
  reader._unwrapNoscriptImages = (doc) => {
    for (const img of elementsByTagName(doc, 'img')) if (!hasImageSource(img as TreeElement)) img.remove();
    if (elementsByTagName(doc, 'noscript').length > 0) unwrapNoscriptImages(doc);
  };
  reader._isElementWithoutContent = (node) =>
    node.nodeType === ELEMENT_NODE &&
    !hasNonSpaceText(node) &&
    (!node.children.length ||
      node.children.length === node.getElementsByTagName('br').length + node.getElementsByTagName('hr').length);
}
