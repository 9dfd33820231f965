import { cleanText as commandText, plainText } from '../../core/digest/plain-text.js';
import { renderDigestText, renderEntryText } from '../../core/digest/render-text.js';
import type { Reply } from '../../core/reply.js';

/**
 * Replies as terminal text. Feed text goes through plainText (no terminal escapes, no invisible
 * characters); command text keeps its line breaks, with control characters removed.
 */

export function renderReplyText(reply: Reply): string {
  switch (reply.kind) {
    case 'text': {
      const choices = reply.choices?.map((choice) => `  ${choice.command}  (${plainText(choice.label)})`) ?? [];
      return [reply.title ? commandText(reply.title) : null, commandText(reply.text), ...choices]
        .filter(Boolean)
        .join('\n');
    }
    case 'error':
      return `⚠ ${commandText(reply.message)}`;
    case 'stories': {
      const entries = reply.entries.map((entry) => renderEntryText(entry, reply.timezone));
      return [plainText(reply.title), ...entries, reply.footer ? plainText(reply.footer) : null]
        .filter(Boolean)
        .join('\n\n');
    }
    case 'digest':
      return renderDigestText(reply.digest);
  }
}
