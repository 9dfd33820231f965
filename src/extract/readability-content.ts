/**
 * Readability over a linkedom document, its main content handed back as the node itself (no serialising).
 */
import { Readability } from '@mozilla/readability';
import type { DomDocument, DomNode } from './dom.js';
import { speedUpReadability, type ReadabilitySteps } from './readability-speed.js';

/** Readability's step that makes every link and image address in the content absolute. */
interface AddressFixing {
  _fixRelativeUris(content: unknown): void;
}

/** How Readability runs; both default to the fast run extraction uses. */
export interface ReadabilityRun {
  /** Make link and image addresses absolute, as Readability does by default. */
  fixAddresses?: boolean;
  /** Keep Readability's own DOM steps instead of the equivalent faster ones of readability-speed.ts. */
  shippedSteps?: boolean;
}

/**
 * The main content Readability finds in `doc`, or null. Extraction reads only the content's text and classes,
 * never an address, so unless `fixAddresses` is set the step that resolves every link and image address
 * against the page (a URL parse each, issue 10) is skipped; its only other change, a `javascript:` link
 * turned into its text or a span, keeps the text as it was.
 */
export function readabilityContent(doc: DomDocument, run: ReadabilityRun = {}): DomNode | null {
  const reader = new Readability(doc as never, { serializer: (node) => node, charThreshold: 200 });
  if (!run.fixAddresses) (reader as unknown as AddressFixing)._fixRelativeUris = () => undefined;
  if (!run.shippedSteps) speedUpReadability(reader as unknown as ReadabilitySteps);
  return (reader.parse()?.content as DomNode | null | undefined) ?? null;
}
