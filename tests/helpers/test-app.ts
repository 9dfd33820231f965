import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { parseConfig, type Config } from '../../src/config.js';
import type { CommandContext } from '../../src/core/command.js';
import type { Actor, ChatRef } from '../../src/core/domain.js';
import type { Logger } from '../../src/core/ports.js';
import { createApp, type App } from '../../src/main.js';
import type { Db } from '../../src/store/index.js';

/** A logger that keeps what it was given, to assert on errors. */
export function recordingLogger(): Logger & { entries: { level: string; obj: unknown; msg?: string }[] } {
  const entries: { level: string; obj: unknown; msg?: string }[] = [];
  const at =
    (level: string) =>
    (obj: object | string, msg?: string): void => {
      entries.push({ level, obj, msg });
    };
  const logger = {
    entries,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: () => logger,
  };
  return logger;
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/** A temporary folder removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsbrief-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The real app (composition root) over a fresh SQLite file, closed after the test. */
export async function testApp(
  env: Record<string, string> = {},
): Promise<App & { db: Db; logger: ReturnType<typeof recordingLogger> }> {
  const dir = tempDir();
  const config: Config = parseConfig({ DATABASE_PATH: join(dir, 'test.db'), LOG_LEVEL: 'silent', ...env });
  const logger = recordingLogger();
  const app = await createApp(config, logger);
  cleanups.push(() => app.close());
  // A test app is SQLite (DATABASE_URL unset): its connection is there for the tests' raw SQL.
  return { ...app, db: app.db!, logger };
}

export const privateChat = (id = 'telegram:100'): ChatRef => ({
  id,
  platform: 'telegram',
  kind: 'private',
  communityId: null,
});
export const groupChat = (id = 'telegram:-200', community = 'telegram:-200'): ChatRef => ({
  id,
  platform: 'telegram',
  kind: 'group',
  communityId: community,
});

export const member = (overrides: Partial<Actor> = {}): Actor => ({
  id: 'telegram:1',
  displayName: 'member',
  isOperator: false,
  isModerator: false,
  canManageChat: false,
  ...overrides,
});
export const moderator = (overrides: Partial<Actor> = {}): Actor =>
  member({ id: 'telegram:2', displayName: 'moderator', isModerator: true, canManageChat: true, ...overrides });
export const operator = (): Actor =>
  member({ id: 'console:operator', displayName: 'operator', isOperator: true, isModerator: true, canManageChat: true });

/** A command context in `chat` for `actor`, over the app's services. */
export async function contextFor(app: App, chat: ChatRef, actor: Actor): Promise<CommandContext> {
  await app.services.chats.ensure(chat);
  return { chat, actor, services: app.services, now: app.services.clock.now() };
}
