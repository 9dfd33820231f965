import { logLevelFor, type Config } from '../config.js';
import { renderDigestText } from '../core/digest/render-text.js';
import { closestMatch } from '../core/slug.js';
import { createLogger } from '../logger.js';
import { createApp, type App, type Io } from '../main.js';

const USAGE = `Usage: newsbrief digest [--chat <id>] [--topic <slug>]

Prints the digest each chat would get now, as plain text. Nothing is sent and no watermark moves.
  --chat <id>     only this chat (e.g. telegram:-1001234, discord:123456789012345678)
  --topic <slug>  only this topic's section
`;

type Output = Pick<Io, 'stdout' | 'stderr'>;

function parseArgs(argv: string[]): { chat?: string; topic?: string } | string {
  const options: { chat?: string; topic?: string } = {};
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index]!;
    const value = argv[index + 1];
    if ((flag === '--chat' || flag === '--topic') && value && !value.startsWith('--')) {
      options[flag === '--chat' ? 'chat' : 'topic'] = value;
      index++;
    } else {
      return flag === '--chat' || flag === '--topic' ? `${flag} needs a value` : `unknown argument ${flag}`;
    }
  }
  return options;
}

const didYouMean = (wanted: string, known: readonly string[]): string => {
  const near = closestMatch(wanted, known);
  return near ? ` — did you mean '${near}'?` : '';
};

/**
 * What `--chat` and `--topic` name must exist: a mistyped id or slug is an error naming it
 * (exit 1), never an empty preview that looks like "nothing new".
 */
async function missingTarget(app: App, options: { chat?: string; topic?: string }): Promise<string | null> {
  const chatIds = await firstColumn(app, `SELECT id FROM chats UNION SELECT chat_id FROM subscriptions`);
  if (options.chat && !chatIds.includes(options.chat)) {
    return `no chat '${options.chat}' in ${app.database}${didYouMean(options.chat, chatIds)}`;
  }
  if (options.topic) {
    const slugs = await firstColumn(app, `SELECT DISTINCT slug FROM topics`);
    if (!slugs.includes(options.topic)) return `no topic '${options.topic}'${didYouMean(options.topic, slugs)}`;
  }
  return null;
}

/** The first column of a query's rows, on whichever database the app uses (the SQL is the same on both). */
async function firstColumn(app: App, sql: string): Promise<string[]> {
  if (app.db) return app.db.prepare(sql).pluck().all() as string[];
  const { rows } = await app.pool!.query<Record<string, string>>(sql);
  return rows.map((row) => Object.values(row)[0]!);
}

export async function runDigest(config: Config, argv: string[], io: Output): Promise<number> {
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    io.stderr.write(`newsbrief digest: ${options}\n\n${USAGE}`);
    return 2;
  }
  let app: App;
  try {
    app = await createApp(config, createLogger({ level: logLevelFor(config), format: config.LOG_FORMAT }));
  } catch (error) {
    const where = config.DATABASE_URL ? 'DATABASE_URL' : config.DATABASE_PATH;
    io.stderr.write(`newsbrief digest: cannot open the database at ${where}: ${(error as Error).message}\n`);
    return 1;
  }
  try {
    const missing = await missingTarget(app, options);
    if (missing) {
      io.stderr.write(`newsbrief digest: ${missing}\n`);
      return 1;
    }
    const chatIds = options.chat
      ? [options.chat]
      : await firstColumn(app, `SELECT DISTINCT chat_id FROM subscriptions ORDER BY chat_id`);
    if (chatIds.length === 0) {
      io.stdout.write('No chat follows a topic yet: nothing to preview.\n');
      return 0;
    }
    let shown = 0;
    const now = app.services.clock.now();
    for (const chatId of chatIds) {
      const subscriptions = await app.stores.subscriptions.listForChat(chatId);
      const chat = await app.stores.chats.get(chatId);
      let topicIds: number[] | null = null;
      if (options.topic) {
        const topic = await app.stores.topics.findVisible(options.topic, chat?.communityId ?? null);
        if (!topic || !subscriptions.some((subscription) => subscription.topicId === topic.id)) {
          if (options.chat) io.stdout.write(`── ${chatId} ──\n(does not follow '${options.topic}')\n\n`);
          if (options.chat) shown++;
          continue;
        }
        topicIds = [topic.id];
      }
      const paused = chat?.pausedAt ? ` (paused: ${chat.pausedReason ?? 'no reason given'})` : '';
      const digest = subscriptions.length > 0 ? await app.services.digests.preview(chatId, topicIds, now) : null;
      const body =
        subscriptions.length === 0
          ? '(follows no topic)'
          : digest
            ? renderDigestText(digest)
            : '(nothing new since the last digest)';
      io.stdout.write(`── ${chatId}${paused} ──\n${body}\n\n`);
      shown++;
    }
    if (shown === 0) io.stdout.write(`No chat follows '${options.topic}': nothing to preview.\n`);
    return 0;
  } finally {
    await app.close();
  }
}
