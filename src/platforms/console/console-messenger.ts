import type { Messenger } from '../../core/ports.js';
import { renderDigestText } from '../../core/digest/render-text.js';

/** Delivers digests to the terminal: one message per digest, written to `output`. */
export function createConsoleMessenger(output: NodeJS.WritableStream): Messenger {
  return {
    platform: 'console',
    renderDigest: (digest) => [{ platform: 'console', body: { text: renderDigestText(digest) } }],
    async send(chatId, message) {
      const { text } = message.body as { text: string };
      output.write(`\n[digest for ${chatId}]\n${text}\n`);
      return { ok: true };
    },
  };
}
