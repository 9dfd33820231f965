/**
 * The child of the crash test: a real digest run — the due-digest job, then the delivery worker —
 * over a SQLite file, sending to a fake platform over HTTP. Prints `ready` when its first send
 * starts; the test kills it with SIGKILL at a random moment after that.
 *
 * argv: <database path> <platform URL> <the time it is, ISO>
 */
import { packEntries } from '../../src/core/digest/pack.js';
import { renderEntryText } from '../../src/core/digest/render-text.js';
import type { Messenger, OutgoingMessage } from '../../src/core/ports.js';
import { crashChildArgs, runCrashChild } from './crash-child-run.js';

const { databasePath, url, clock } = crashChildArgs();

const messenger: Messenger = {
  platform: 'telegram',
  renderDigest(digest): OutgoingMessage[] {
    const entries = digest.sections.flatMap((section) =>
      section.entries.map((entry) => renderEntryText(entry, digest.timezone)),
    );
    // Small parts, so many digests are several messages.
    return packEntries(entries, (chunk) => chunk.join('\n').length, 450).map((part) => ({
      platform: 'telegram',
      body: { text: part.join('\n') },
    }));
  },
  async send(chatId, message) {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ chatId, key: message.idempotencyKey, text: (message.body as { text: string }).text }),
      });
      return response.ok ? { ok: true } : { ok: false, kind: 'transient', error: `HTTP ${response.status}` };
    } catch (error) {
      return { ok: false, kind: 'transient', error: String(error) };
    }
  },
};

await runCrashChild({
  databasePath,
  clock,
  messenger,
  pacing: { telegramMessagesPerSecond: 400, telegramChatMessagesPerSecond: 20 },
  chatsPerBatch: 5,
  maxInFlight: 8,
});
