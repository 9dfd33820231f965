import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { createPlanningCache, planChatDigest, type PlanningCache, type TopicDemand } from '../core/digest/plan.js';
import { DigestStorageError, type DigestLedger, type DigestSource } from '../core/digest/ports.js';
import { PLATFORMS, type ChatId, type Platform } from '../core/domain.js';
import type { Clock, DuePart, DueSubscription, Logger, Messenger, SubscriptionStore } from '../core/ports.js';
import type { ScheduleCalendar } from '../core/schedule.js';
import type { WorkSharing } from '../core/work-locks.js';

/**
 * The "send due digests" job: every subscription whose stored next run has come, grouped by chat
 * (topics due together go out as one digest, a section each), planned, rendered for the chat's
 * platform and written to the outbox with the deliveries and new watermarks in one transaction.
 * The delivery worker sends them.
 *
 * After downtime a subscription is due once, however many slots it missed, and its next run is
 * computed from now: the missed digest goes out once.
 */

export interface DigestJobOptions {
  subscriptions: SubscriptionStore;
  source: DigestSource;
  ledger: DigestLedger;
  calendar: ScheduleCalendar;
  /** The running platforms' messengers: a chat whose platform is not running waits for it. */
  messengerFor(platform: Platform): Messenger | undefined;
  clock: Clock;
  logger: Logger;
  /**
   * Chats planned and written per transaction (default 500). A run holds one batch's work at a
   * time; a crash or a storage failure keeps the batches already written and loses no more than
   * the one being written, which is rolled back whole and planned again on the next run.
   */
  chatsPerBatch?: number;
  /**
   * Several processes on one database: the due chats are cut into `digestParts` parts, and a
   * process plans a part only while it holds that part's lock, so each digest is built once.
   * Without it, one part and no lock (one process).
   */
  sharing?: WorkSharing;
}

export interface DigestRunReport {
  due: number;
  digests: number;
  messages: number;
  /** Chats with nothing new: no digest sent, next run set. */
  empty: number;
  /** Subscriptions of paused chats: nothing built, next run set, watermark kept. */
  paused: number;
  failed: number;
}

interface RunMode {
  /** Write outbox, deliveries and subscriptions (false: plan only). */
  write: boolean;
  /** Render each digest for its platform (false only when not writing). */
  render: boolean;
}

/** The idempotency key of part `part` of a digest: its subscriptions, their scheduled times, the part. */
export function digestMessageKey(slots: readonly { id: number; nextRunAt: string | null }[], part: number): string {
  return `digest:${slots.map((slot) => `${slot.id}@${slot.nextRunAt ?? 'now'}`).join(',')}#${part}`;
}

/**
 * The order chats are planned in: by chat id. Each chat's reads and writes (its deliveries, keyed
 * by chat) then come in key order, a batch touching neighbouring pages rather than pages all over
 * the table. The planning cache holds one window of news per topic, whatever the order. (Every due
 * chat is planned in the same run, so the order changes no digest.)
 */
const compareChatIds = ([a]: readonly [ChatId, unknown], [b]: readonly [ChatId, unknown]): number =>
  a < b ? -1 : a > b ? 1 : 0;

/**
 * A due subscription as the run keeps it: its repeated texts (schedule, zone, times, topic and
 * chat) shared rather than one copy per row, so a large run holds a third of the memory for them.
 */
function leanCopier() {
  const texts = new Map<string, string>();
  const share = <T extends string | null>(text: T): T => {
    if (text === null) return text;
    const known = texts.get(text);
    if (known !== undefined) return known as T;
    texts.set(text, text);
    return text;
  };
  const topics = new Map<number, DueSubscription['topic']>();
  const chats = new Map<ChatId, DueSubscription['chat']>();
  return (due: DueSubscription): DueSubscription => {
    let topic = topics.get(due.topicId);
    if (!topic) topics.set(due.topicId, (topic = { slug: share(due.topic.slug), name: share(due.topic.name) }));
    let chat = chats.get(due.chatId);
    if (!chat) chats.set(due.chatId, (chat = { platform: due.chat.platform, pausedAt: share(due.chat.pausedAt) }));
    return {
      id: due.id,
      chatId: share(due.chatId),
      topicId: due.topicId,
      schedule: share(due.schedule),
      timezone: share(due.timezone),
      cap: due.cap,
      watermark: due.watermark,
      nextRunAt: share(due.nextRunAt),
      createdAt: share(due.createdAt),
      style: due.style,
      topic,
      chat,
    };
  };
}

/**
 * Due subscriptions grouped by chat in planning order (see compareChatIds), read a page at a time
 * and kept lean, with what the run will ask of each topic (the planning cache's demand).
 */
async function groupByChat(due: AsyncIterable<DueSubscription>) {
  const byChat = new Map<ChatId, DueSubscription[]>();
  const demand = new Map<number, TopicDemand>();
  const lean = leanCopier();
  let count = 0;
  for await (const row of due) {
    count++;
    const subscription = lean(row);
    const list = byChat.get(subscription.chatId);
    if (list) list.push(subscription);
    else byChat.set(subscription.chatId, [subscription]);
    // A paused chat plans nothing: its topics' news is not waited for.
    if (subscription.chat.pausedAt) continue;
    const { topicId, watermark } = subscription;
    const topic = demand.get(topicId);
    if (!topic) demand.set(topicId, { lowest: watermark, highest: watermark, uses: 1 });
    else {
      topic.lowest = Math.min(topic.lowest, watermark);
      topic.highest = Math.max(topic.highest, watermark);
      topic.uses++;
    }
  }
  const chats = [...byChat].sort(compareChatIds);
  return { chats, demand, count };
}

export function createDigestJob(options: DigestJobOptions) {
  const { subscriptions, ledger, calendar, logger } = options;

  const nextRunOf = (subscription: DueSubscription, now: Date): string | null => {
    const slot = subscription.nextRunAt ? Date.parse(subscription.nextRunAt) : 0;
    return calendar
      .nextRun(subscription.schedule, subscription.timezone, new Date(Math.max(now.getTime(), slot)))
      .toISOString();
  };

  const runChat = async (
    chatId: ChatId,
    due: DueSubscription[],
    now: Date,
    cache: PlanningCache,
    report: DigestRunReport,
    run: RunMode,
  ): Promise<void> => {
    const { write, render } = run;
    const first = due[0]!;
    if (first.chat.pausedAt) {
      if (!write) return;
      for (const subscription of due) await subscriptions.setNextRun(subscription.id, nextRunOf(subscription, now));
      report.paused += due.length;
      return;
    }
    const ordered =
      due.length === 1
        ? due
        : [...due].sort((a, b) => (a.topic.slug < b.topic.slug ? -1 : a.topic.slug > b.topic.slug ? 1 : a.id - b.id));
    const plan = await planChatDigest(options.source, cache, {
      chatId,
      timezone: first.timezone,
      at: now,
      subscriptions: ordered.map((subscription) => ({
        id: subscription.id,
        topicId: subscription.topicId,
        topicSlug: subscription.topic.slug,
        topicName: subscription.topic.name,
        cap: subscription.cap,
        watermark: subscription.watermark,
        style: subscription.style,
      })),
    });
    if (!render) {
      if (plan.digest) report.digests++;
      else report.empty++;
      return;
    }
    const messages = plan.digest
      ? options
          .messengerFor(first.chat.platform)!
          .renderDigest(plan.digest)
          .map((message, index) => ({
            key: digestMessageKey(ordered, index + 1),
            payload: JSON.stringify(message),
          }))
      : [];
    if (write) {
      const advances = ordered.map((subscription) => ({
        subscriptionId: subscription.id,
        watermark: plan.watermarks.get(subscription.id) ?? subscription.watermark,
        nextRunAt: nextRunOf(subscription, now),
        expectedNextRunAt: subscription.nextRunAt,
      }));
      // False when another run planned this slot first: it is that run's digest, not ours.
      if (!(await ledger.commit({ chatId, at: now.toISOString(), messages, deliveries: plan.deliveries, advances })))
        return;
    }
    if (messages.length > 0) {
      report.digests++;
      report.messages += messages.length;
    } else {
      report.empty++;
    }
  };

  /** Plans the due chats of one part (all of them without a part), adding to `report`. */
  const runPart = async (now: Date, run: RunMode, report: DigestRunReport, part?: DuePart): Promise<void> => {
    const { write } = run;
    const platforms = PLATFORMS.filter((platform) => options.messengerFor(platform));
    const { chats, demand, count } = await groupByChat(subscriptions.due(now, platforms, part));
    report.due += count;
    const cache = createPlanningCache(options.source, demand);
    const size = options.chatsPerBatch ?? 500;
    while (chats.length > 0) {
      // Taken out of the list: a written batch's subscriptions are garbage, not held to the end.
      const batch = chats.splice(0, size);
      const plan = async () => {
        for (const [chatId, list] of batch) {
          try {
            // Each chat in a savepoint of its own when writing: one chat's failure undoes only its writes.
            if (write) await ledger.batch(() => runChat(chatId, list, now, cache, report, run));
            else await runChat(chatId, list, now, cache, report, run);
          } catch (error) {
            if (error instanceof DigestStorageError) throw error;
            // One chat's problem (a schedule the calendar cannot read) must not stop the others,
            // nor come back every minute: it is tried again in an hour.
            report.failed++;
            logger.error({ err: error, chatId }, 'digest planning failed');
            if (!write) continue;
            const retry = new Date(now.getTime() + 60 * 60_000).toISOString();
            for (const subscription of list) await subscriptions.setNextRun(subscription.id, retry);
          }
        }
      };
      // Planning only: no transaction, so nothing else waits for the run to read.
      if (write) await ledger.batch(plan);
      else await plan();
      if (chats.length > 0) await yieldToEvents();
    }
  };

  return {
    /**
     * Plans and queues every digest due now. Yields to the event loop between batches of chats.
     * With `write: false` it plans and renders them all and writes nothing; with `render: false`
     * too, it only builds the neutral digests (benchmarks).
     */
    async runDue(mode: { write?: boolean; render?: boolean } = {}): Promise<DigestRunReport> {
      const write = mode.write ?? true;
      const run: RunMode = { write, render: write || mode.render !== false };
      const now = options.clock.now();
      const sharing = write ? options.sharing : undefined;
      const parts = sharing?.digestParts ?? 1;
      const report: DigestRunReport = { due: 0, digests: 0, messages: 0, empty: 0, paused: 0, failed: 0 };
      // Each process starts at a part of its own chance, so that several take different parts at once.
      const first = Math.floor(Math.random() * parts);
      for (let step = 0; step < parts; step++) {
        const index = (first + step) % parts;
        const part = parts > 1 ? { index, of: parts } : undefined;
        if (!sharing) await runPart(now, run, report, part);
        else await sharing.locks.tryWith(`digests ${index}/${parts}`, () => runPart(now, run, report, part));
      }
      if (report.due > 0 && write) logger.info(report, 'due digests planned');
      return report;
    },
  };
}

export type DigestJob = ReturnType<typeof createDigestJob>;
