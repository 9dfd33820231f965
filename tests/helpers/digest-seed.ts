import type { ChatRef, Quote, Topic } from '../../src/core/domain.js';
import type { App } from '../../src/main.js';

export interface SeedStory {
  headline: string;
  quotes?: Quote[];
  url?: string;
}

/** Stories of a feed of `topic` arrive, as ingestion would store them. */
export async function addStories(
  app: App,
  topic: Topic,
  stories: readonly SeedStory[],
  source = 'Example News',
): Promise<void> {
  const { stores } = app;
  const feed = await stores.feeds.ensure(`https://news.example/${topic.slug}.xml`, { title: source });
  await stores.feeds.attach(topic.id, feed.id, 'test');
  const now = Date.now();
  for (const [index, story] of stories.entries()) {
    await stores.stories.add({
      key: `${topic.slug}-${index}-${story.headline}`,
      feedId: feed.id,
      url: story.url ?? `https://news.example/${topic.slug}/${index}`,
      headline: story.headline,
      standfirst: null,
      byline: null,
      source,
      publishedAt: new Date(now - (index + 1) * 60_000).toISOString(),
      arrivedAt: new Date(now).toISOString(),
      tags: [],
      quotes: story.quotes ?? [],
      keyQuotes: story.quotes ?? [],
      enriched: true,
      eligibleForDigest: true,
      topicIds: [topic.id],
    });
  }
}

/** Makes every subscription of the chat due now, as if its scheduled time had come. */
export async function makeDue(app: App, chatId: string): Promise<void> {
  const past = new Date(Date.now() - 60_000).toISOString();
  for (const subscription of await app.stores.subscriptions.listForChat(chatId))
    await app.stores.subscriptions.setNextRun(subscription.id, past);
}

/**
 * A chat subscribed to a topic whose digest is due now, with stories waiting: what a real
 * subscription looks like when its time comes (through the real stores).
 */
export async function seedDueDigest(
  app: App,
  options: { chat: ChatRef; topic?: string; stories: readonly SeedStory[]; timezone?: string; source?: string },
): Promise<{ topicId: number; subscriptionId: number }> {
  const { stores } = app;
  const slug = options.topic ?? 'world';
  const topic =
    (await stores.topics.findVisible(slug, options.chat.communityId)) ??
    (await stores.topics.create({ slug, name: `${slug[0]!.toUpperCase()}${slug.slice(1)} news`, communityId: null }));
  await stores.chats.ensure(options.chat);
  // Subscribed first: stories stored before a subscription are not news for it.
  const { subscription } = await stores.subscriptions.save({
    chatId: options.chat.id,
    topicId: topic.id,
    schedule: 'daily 08:00',
    timezone: options.timezone ?? 'UTC',
    cap: 8,
    nextRunAt: new Date(Date.now() - 60_000).toISOString(),
  });
  await addStories(app, topic, options.stories, options.source);
  return { topicId: topic.id, subscriptionId: subscription.id };
}

/** Plans the due digests and sends the outbox, as the minute tick would. */
export async function deliverDueDigests(app: App): Promise<void> {
  await app.digest.job.runDue();
  await app.digest.worker.drain();
}
