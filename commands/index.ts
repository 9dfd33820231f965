import type { Command } from '../src/core/command.js';
import { digest } from './digest.js';
import { pause } from './pause.js';
import { resume } from './resume.js';
import { status } from './status.js';
import { subscribe } from './subscribe.js';
import { settings } from './settings.js';
import { subscriptions } from './subscriptions.js';
import { timezone } from './timezone.js';
import { unsubscribe } from './unsubscribe.js';
import { exportCommand } from './export.js';
import { feed } from './feed.js';
import { help } from './help.js';
import { start } from './start.js';
import { importCommand } from './import.js';
import { latest } from './latest.js';
import { topic } from './topic.js';
import { topics } from './topics.js';

/**
 * Every command, explicitly. A test checks that each file in commands/ is listed here once,
 * under a unique, valid name.
 */
export const COMMANDS: readonly Command[] = [
  start,
  help,
  topics,
  latest,
  topic,
  feed,
  importCommand,
  exportCommand,
  subscribe,
  unsubscribe,
  subscriptions,
  settings,
  digest,
  pause,
  resume,
  status,
  timezone,
];
