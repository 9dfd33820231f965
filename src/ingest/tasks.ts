import type { ExtractedArticle } from '../core/domain.js';
import { extractArticle } from '../extract/index.js';
import { decodeText } from './decode-text.js';
import { findFeedLinks } from './discover.js';
import { parseFeedDocument, type ParsedFeed } from './feed-parse.js';
import { applyEntryBases, documentBase } from './xml-base.js';

/**
 * The CPU-heavy steps of ingestion — decoding, feed parsing, article extraction, feed discovery —
 * as plain data in, plain data out, so they can run on a worker thread (or, as a fallback, here).
 */

/** Raw bytes as fetched (decoded with their charset on the worker), or text already decoded. */
export type TaskInput = { bytes: Uint8Array; contentType: string | null } | { text: string };

export interface TaskMap {
  'parse-feed': { input: TaskInput & { baseUrl: string | null }; output: ParsedFeed };
  extract: { input: TaskInput & { url: string | null }; output: ExtractedArticle };
  /** Feed URLs a page announces with <link rel="alternate">, best first. */
  discover: { input: TaskInput & { baseUrl: string }; output: string[] };
}

export type TaskKind = keyof TaskMap;
export type Task = { [K in TaskKind]: { kind: K } & TaskMap[K]['input'] }[TaskKind];

export function runTask<K extends TaskKind>(task: { kind: K } & TaskMap[K]['input']): TaskMap[K]['output'];
export function runTask(task: Task): unknown {
  const text = 'text' in task ? task.text : decodeText(task.bytes, task.contentType);
  switch (task.kind) {
    case 'parse-feed': {
      const base = documentBase(text, task.baseUrl);
      return parseFeedDocument(applyEntryBases(text, base), base);
    }
    case 'extract': {
      const contentType = 'contentType' in task ? (task.contentType ?? undefined) : 'text/html';
      return extractArticle(text, { ...(task.url ? { url: task.url } : {}), ...(contentType ? { contentType } : {}) });
    }
    case 'discover':
      return findFeedLinks(text, task.baseUrl);
  }
}

export { deserializeError, serializeError, type SerializedError } from './task-errors.js';
