import { defineCommand, type CommandContext } from '../src/core/command.js';
import { tokenize } from '../src/core/command-text.js';
import { requireSubscription } from '../src/core/digest/chat-subscriptions.js';
import type { Subscription, SubscriptionStyle, Topic } from '../src/core/domain.js';
import { UserError } from '../src/core/errors.js';
import { audit } from '../src/core/ownership.js';
import { textReply, type Reply, type ReplyChoice } from '../src/core/reply.js';
import { slugSchema } from '../src/core/slug.js';
import { describeChanges, describeStyle, MAX_QUOTES, takeStyleWords } from '../src/core/style-words.js';
import { applyStyle, STYLE_OPTIONS, styleChangesOf } from '../src/core/subscription-style.js';
import { requireVisibleTopic } from '../src/core/topics.js';

/**
 * How one subscription's digests look and arrive, shown and changed in one place. Typed:
 * `/settings world quotes 1 silent on`; on Discord and Telegram the answer is a panel whose
 * buttons change one setting each and redraw the panel.
 */

const onOff = (value: boolean): string => (value ? 'on' : 'off');

function panelText(style: SubscriptionStyle, chat: CommandContext['chat']): string {
  const lines = [
    `format: ${style.format} — ${style.format === 'full' ? 'headline, key quotes, outlets' : 'headlines and links only'}`,
    `quotes: ${style.quotes} per story${style.format === 'compact' ? ' (not shown in compact)' : ''}`,
    `previews: ${onOff(style.previews)} — link previews${chat.platform === 'telegram' ? '' : ' (Telegram)'}`,
    `silent: ${onOff(style.silent)} — delivered without a notification sound`,
    `images: ${onOff(style.images)} — the stories' lead images`,
  ];
  if (chat.platform === 'discord') {
    lines.push(
      `mention: ${style.mentionRoleId ? `the role with id ${style.mentionRoleId}` : 'nobody'} (moderators set it)`,
    );
  }
  return lines.join('\n');
}

/** One button per setting, each running the command that changes it. */
function panelChoices(slug: string, style: SubscriptionStyle): ReplyChoice[] {
  const run = (words: string): string => `/settings ${slug} ${words}`;
  const nextQuotes = (style.quotes + 1) % (MAX_QUOTES + 1);
  return [
    {
      label: style.format === 'full' ? 'Format: compact' : 'Format: full',
      command: run(`format ${style.format === 'full' ? 'compact' : 'full'}`),
    },
    { label: `Quotes: ${nextQuotes}`, command: run(`quotes ${nextQuotes}`) },
    { label: `Previews ${onOff(!style.previews)}`, command: run(`previews ${onOff(!style.previews)}`) },
    { label: `Silent ${onOff(!style.silent)}`, command: run(`silent ${onOff(!style.silent)}`) },
    { label: `Images ${onOff(!style.images)}`, command: run(`images ${onOff(!style.images)}`) },
  ];
}

function panel(context: CommandContext, topic: Topic, subscription: Subscription, changed: string | null): Reply {
  const { style } = subscription;
  const intro = changed ? `Saved: ${changed}.\n` : '';
  const title = `${topic.name} (${topic.slug}) in this chat`;
  if (context.chat.platform === 'console') {
    return textReply(
      `${intro}${panelText(style, context.chat)}\nChange: /settings ${topic.slug} format compact quotes 1 silent on`,
      { title },
    );
  }
  return {
    kind: 'text',
    title,
    text: `${intro}${panelText(style, context.chat)}\nPress a button to change one, or type /settings ${topic.slug} quotes 1 silent on`,
    choices: panelChoices(topic.slug, style),
    replacesPanel: true,
  };
}

/** No topic given: the followed topics to choose from. */
async function chooseTopic(context: CommandContext): Promise<Reply> {
  const { services, chat } = context;
  const followed = await services.subscriptions.listForChat(chat.id);
  if (followed.length === 0) return textReply('This chat follows no topics yet. /subscribe <topic> follows one.');
  const slugs: string[] = [];
  for (const subscription of followed) {
    const slug = (await services.topics.get(subscription.topicId))?.slug;
    if (slug) slugs.push(slug);
  }
  if (chat.platform === 'console') return textReply(`Usage: /settings <topic> [changes]\nTopics: ${slugs.join(', ')}`);
  return {
    kind: 'text',
    text: 'The settings of which topic?',
    choices: slugs.slice(0, 25).map((slug) => ({ label: slug, command: `/settings ${slug}` })),
  };
}

export const settings = defineCommand({
  name: 'settings',
  description: "How a topic's digests look here: format, quotes, silent, pings",
  access: 'chat-manager',
  options: [
    {
      name: 'topic',
      description: 'A topic this chat follows',
      type: 'string',
      autocomplete: 'topic',
      schema: slugSchema,
    },
    {
      name: 'changes',
      description: 'format full|compact, quotes 0-3, previews on|off, silent on|off, images on|off, mention @Role|off',
      type: 'string',
    },
    ...STYLE_OPTIONS,
  ],
  example: '/settings world format compact quotes 1 silent on',
  moreExamples: ['/settings world', '/settings world previews on images off', '/settings world mention @News'],
  async run(context, args) {
    const slug = args.topic as string | undefined;
    if (!slug) return chooseTopic(context);
    const { services, chat } = context;
    const topic = await requireVisibleTopic(context, slug);
    const subscription = await requireSubscription(context, topic);
    const words = tokenize((args.changes as string | undefined) ?? '').map((token) => token.value);
    const changes = styleChangesOf(args, takeStyleWords(words));
    if (words.length > 0) {
      throw new UserError(
        `'${words.join(' ')}' is not a setting — use format full|compact, quotes 0-3, previews on|off, silent on|off, images on|off, mention @Role|off`,
      );
    }
    if (Object.keys(changes).length === 0) return panel(context, topic, subscription, null);
    const style = applyStyle(context, subscription.style, changes);
    const { subscription: saved } = await services.subscriptions.save({
      chatId: chat.id,
      topicId: topic.id,
      schedule: subscription.schedule,
      timezone: subscription.timezone,
      cap: subscription.cap,
      nextRunAt: subscription.nextRunAt,
      style,
    });
    const changed = describeChanges(changes);
    await audit(context, 'subscription.settings', `${topic.slug}: ${describeStyle(style) || 'defaults'}`);
    return panel(context, topic, saved, changed);
  },
});
