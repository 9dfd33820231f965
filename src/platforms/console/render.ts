import { cleanText as commandText, plainText } from '../../core/digest/plain-text.js';
import { renderDigestText, renderEntryText } from '../../core/digest/render-text.js';
import type { Reply } from '../../core/reply.js';
import { PLAIN_CONSOLE_STYLE, type ConsoleStyle } from './colour.js';

/**
 * Replies as terminal text. Feed text goes through plainText (no terminal escapes, no invisible
 * characters); command text keeps its line breaks, with control characters removed. Colour, when
 * the style has it, is added after that cleaning, so only the bot's own escapes reach the terminal.
 */

export function renderReplyText(reply: Reply, style: ConsoleStyle = PLAIN_CONSOLE_STYLE): string {
  switch (reply.kind) {
    case 'text': {
      const choices = reply.choices?.map((choice) => `  ${choice.command}  (${plainText(choice.label)})`) ?? [];
      return [reply.title ? style.title(commandText(reply.title)) : null, commandText(reply.text), ...choices]
        .filter(Boolean)
        .join('\n');
    }
    case 'error':
      return style.error(`⚠ ${commandText(reply.message)}`);
    case 'stories': {
      const entries = reply.entries.map((entry) => renderEntryText(entry, reply.timezone, style));
      return [style.title(plainText(reply.title)), ...entries, reply.footer ? plainText(reply.footer) : null]
        .filter(Boolean)
        .join('\n\n');
    }
    case 'digest':
      return renderDigestText(reply.digest, style);
  }
}
