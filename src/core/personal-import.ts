import type { CommandContext } from './command.js';
import { normaliseHttpUrl, sameFeedUrl } from './feed-admin.js';
import type { OpmlFeed } from './ingest-port.js';
import { addPersonalTopic, PERSONAL_FEED_CAP, personalFeeds } from './personal-feeds.js';
import { textReply, type Reply } from './reply.js';

/**
 * `/import` in a private chat: an OPML file's feeds become the person's own feeds (as `/export`
 * there wrote them), up to PERSONAL_FEED_CAP. Like a community's import, the addresses are not
 * fetched now: each feed's first poll checks it (same address guard) and is its baseline, so
 * nothing old is sent. All of it is one transaction.
 */
export async function importPersonalFeeds(context: CommandContext, entries: readonly OpmlFeed[]): Promise<Reply> {
  const { services } = context;
  const skipped: string[] = [];
  let already = 0;
  let overCap = 0;
  const added = await services.transaction(async () => {
    const followed = (await personalFeeds(context)).flatMap(({ feed }) => (feed ? [feed.url] : []));
    let count = followed.length;
    let made = 0;
    for (const entry of entries) {
      const url = normaliseHttpUrl(entry.url);
      if (!url) {
        skipped.push(`${entry.url}: not an http(s) address`);
        continue;
      }
      if (followed.some((known) => sameFeedUrl(known, url))) {
        already++;
        continue;
      }
      if (count >= PERSONAL_FEED_CAP) {
        overCap++;
        continue;
      }
      const feed = await services.feeds.ensure(url, { title: entry.title });
      await addPersonalTopic(context, feed, feed.title ?? entry.title, {});
      followed.push(url);
      count++;
      made++;
    }
    return made;
  });
  const lines = [
    `You now follow ${added} more feed${added === 1 ? '' : 's'} of your own` +
      (already ? `; ${already} you already followed` : '') +
      '.',
    ...(overCap ? [`${overCap} more would pass the ${PERSONAL_FEED_CAP} feeds one person may follow: left out.`] : []),
    ...(skipped.length ? [`Skipped ${skipped.length}:`, ...skipped.slice(0, 20).map((reason) => `  • ${reason}`)] : []),
    'Each feed is checked by its first poll, which sends nothing old; /subscriptions lists them.',
  ];
  return textReply(lines.join('\n'), { title: 'OPML import', ephemeral: true });
}
