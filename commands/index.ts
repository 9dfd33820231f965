import type { Command } from '../src/core/command.js';
import { help } from './help.js';
import { topic } from './topic.js';
import { topics } from './topics.js';

/**
 * Every command, explicitly. A test checks that each file in commands/ is listed here once,
 * under a unique, valid name.
 */
export const COMMANDS: readonly Command[] = [help, topics, topic];
