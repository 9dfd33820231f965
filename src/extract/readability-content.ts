/**
 * Readability over a linkedom document, its main content handed back as the node itself (no serialising).
 */
import { Readability } from '@mozilla/readability';
import type { DomDocument, DomNode } from './dom.js';

/** Readability's step that makes every link and image address in the content absolute. */
interface AddressFixing {
  _fixRelativeUris(content: unknown): void;
}

/**
 * The main content Readability finds in `doc`, or null. Extraction reads only the content's text and classes,
 * never an address, so unless `fixAddresses` is set the step that resolves every link and image address
 * against the page (a URL parse each, issue 10) is skipped; its only other change, a `javascript:` link
 * turned into its text or a span, keeps the text as it was.
 */
export function readabilityContent(doc: DomDocument, fixAddresses = false): DomNode | null {
  const reader = new Readability(doc as never, { serializer: (node) => node, charThreshold: 200 });
  if (!fixAddresses) (reader as unknown as AddressFixing)._fixRelativeUris = () => undefined;
  return (reader.parse()?.content as DomNode | null | undefined) ?? null;
}
