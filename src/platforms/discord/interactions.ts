import {
  ApplicationCommandOptionType,
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
} from 'discord.js';
import type { Command } from '../../core/command.js';
import { parseCommandLine, type Invocation } from '../../core/command-text.js';
import { dispatch, findSubcommand, replyForError } from '../../core/dispatch.js';
import type { Logger } from '../../core/ports.js';
import { errorReply, type Reply } from '../../core/reply.js';
import type { Services } from '../../core/services.js';
import type { CustomIdStore } from './custom-ids.js';
import {
  actorOf,
  chatRefOf,
  invocationOf,
  TARGET_OPTION,
  type DiscordAccessSettings,
  type InteractionInput,
} from './decode.js';
import { encodeReply } from './encode.js';

import { truncateUnits } from '../../core/digest/plain-text.js';
import type { DiscordMessageBody } from './render.js';

/**
 * Slash commands, topic autocomplete and choice buttons. Work that takes more than a moment is
 * deferred (Discord wants an answer within 3 seconds); a failed interaction is logged and never
 * reaches the process.
 */

export interface InteractionDeps {
  services: Services;
  logger: Logger;
  access: DiscordAccessSettings;
  customIds: CustomIdStore;
  /** Answer directly when the command is done sooner than this; defer otherwise. */
  deferAfterMs: number;
}

type Answerable = ChatInputCommandInteraction | ButtonInteraction;

/** The channel a `channel` option names, with the caller's permissions there. */
function targetOf(interaction: ChatInputCommandInteraction): InteractionInput['target'] {
  const options = interaction.options.data;
  const named = [...options, ...options.flatMap((option) => option.options ?? [])].find(
    (option) => option.type === ApplicationCommandOptionType.Channel && option.name === TARGET_OPTION,
  );
  const channel = named?.channel;
  if (!channel) return null;
  const permissions =
    'permissionsFor' in channel
      ? (channel.permissionsFor(interaction.user.id)?.bitfield ?? null)
      : typeof channel.permissions === 'string'
        ? BigInt(channel.permissions)
        : null;
  return { id: channel.id, type: channel.type, name: channel.name ?? null, permissions };
}

/** The plain data decode.ts works on, read from the discord.js object. */
export function inputOf(
  interaction: ChatInputCommandInteraction | AutocompleteInteraction | ButtonInteraction,
): InteractionInput {
  const member = interaction.member;
  const roleIds: string[] = !member
    ? []
    : Array.isArray(member.roles)
      ? [...member.roles]
      : [...member.roles.cache.keys()];
  const roles = interaction.guild?.roles.cache;
  const channel = interaction.channel;
  return {
    commandName: 'commandName' in interaction ? interaction.commandName : '',
    options: 'commandName' in interaction ? interaction.options.data : [],
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    channelType: channel?.type ?? null,
    channelName: channel && 'name' in channel ? channel.name : null,
    user: { id: interaction.user.id, name: interaction.user.globalName ?? interaction.user.username },
    permissions: interaction.memberPermissions?.bitfield ?? null,
    roleIds,
    roleNames: roleIds.map((id) => roles?.get(id)?.name).filter((name): name is string => typeof name === 'string'),
    target: interaction.isChatInputCommand() ? targetOf(interaction) : null,
  };
}

const toOptions = (body: DiscordMessageBody, ephemeral: boolean): InteractionReplyOptions => ({
  ...(body.content ? { content: body.content } : {}),
  embeds: body.embeds ?? [],
  components: (body.components ?? []) as InteractionReplyOptions['components'],
  allowedMentions: { parse: [] },
  ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
});

const TIMED_OUT = Symbol('timed out');

export function createInteractionHandler(deps: InteractionDeps): (interaction: Interaction) => Promise<void> {
  const { services, logger, customIds, deferAfterMs } = deps;
  const registry: readonly Command[] = services.commands;

  /** Configuration commands (beyond 'anyone') answer only the caller; /latest and /digest the channel. */
  function isConfiguration(invocation: Invocation): boolean {
    try {
      return findSubcommand(registry, invocation).access !== 'anyone';
    } catch {
      return true;
    }
  }

  const encode = (reply: Reply, configuration: boolean) => {
    const encoded = encodeReply(reply, customIds.idFor);
    return { messages: encoded.messages, ephemeral: encoded.ephemeral || (configuration && reply.kind === 'text') };
  };

  async function answer(interaction: Answerable, work: Promise<Reply>, configuration: boolean): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<typeof TIMED_OUT>(
      (resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), deferAfterMs)),
    );
    const quick = await Promise.race([work, deadline]);
    clearTimeout(timer);
    if (quick !== TIMED_OUT) {
      const { messages, ephemeral } = encode(quick, configuration);
      // A panel's own button (/settings): the panel is redrawn where it is.
      if (interaction.isButton() && quick.kind === 'text' && quick.replacesPanel && messages.length === 1) {
        const { flags: _flags, ...redrawn } = toOptions(messages[0]!, false);
        await interaction.update(redrawn as InteractionUpdateOptions);
        return;
      }
      await interaction.reply(toOptions(messages[0]!, ephemeral));
      for (const message of messages.slice(1)) await interaction.followUp(toOptions(message, ephemeral));
      return;
    }
    // The "thinking…" must be private or public before the answer is known: guess from the command.
    await interaction.deferReply(configuration ? { flags: MessageFlags.Ephemeral } : {});
    const { messages, ephemeral } = encode(await work, configuration);
    if (ephemeral && !configuration) {
      // A public "thinking…" cannot become private: replace it with a private follow-up.
      await interaction.deleteReply();
      for (const message of messages) await interaction.followUp(toOptions(message, true));
      return;
    }
    const { flags: _flags, ...first } = toOptions(messages[0]!, false);
    await interaction.editReply(first);
    for (const message of messages.slice(1)) await interaction.followUp(toOptions(message, configuration));
  }

  async function run(interaction: Answerable, invocationFor: (input: InteractionInput) => Invocation): Promise<void> {
    let reply: Promise<Reply>;
    let configuration = true;
    try {
      const input = inputOf(interaction);
      const invocation = invocationFor(input);
      configuration = isConfiguration(invocation);
      const context = {
        chat: chatRefOf(input),
        actor: actorOf(input, deps.access),
        services,
        now: services.clock.now(),
      };
      reply = dispatch(registry, invocation, context, logger);
    } catch (error) {
      reply = Promise.resolve(replyForError(error, logger, { interaction: interaction.id }));
    }
    await answer(interaction, reply, configuration);
  }

  async function autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    const communityId = interaction.guildId ? `discord:${interaction.guildId}` : null;
    const typed = String(focused.value ?? '')
      .trim()
      .toLowerCase();
    // In a DM, the person's own feeds (personal topics of that DM channel) too.
    const own = communityId ? [] : await services.topics.listPersonal(`discord:${interaction.channelId}`);
    const topics = [...(await services.topics.listVisible(communityId)), ...own]
      .filter((topic) => topic.slug.includes(typed) || topic.name.toLowerCase().includes(typed))
      .slice(0, 25);
    await interaction.respond(
      topics.map((topic) => ({ name: truncateUnits(`${topic.slug} — ${topic.name}`, 100), value: topic.slug })),
    );
  }

  return async (interaction) => {
    try {
      if (interaction.isChatInputCommand()) {
        await run(interaction, (input) => invocationOf(input, registry));
      } else if (interaction.isAutocomplete()) {
        await autocomplete(interaction);
      } else if (interaction.isButton()) {
        const line = customIds.commandFor(interaction.customId);
        if (line === null) {
          const expired = encodeReply(
            errorReply('This button has expired — type the command instead.'),
            customIds.idFor,
          );
          await interaction.reply(toOptions(expired.messages[0]!, true));
          return;
        }
        await run(interaction, () => {
          const invocation = parseCommandLine(registry, line);
          if (!invocation) throw new Error(`button carries no command: ${line}`);
          return invocation;
        });
      }
    } catch (error) {
      logger.error({ err: error, interaction: interaction.id }, 'discord interaction failed');
      await apologise(interaction, logger);
    }
  };
}

/** Tells the caller something went wrong, when the interaction can still be answered. */
async function apologise(interaction: Interaction, logger: Logger): Promise<void> {
  if (!interaction.isRepliable() || interaction.replied) return;
  const { messages } = encodeReply(errorReply('Sorry — that did not work. Please try again.'), () => '');
  try {
    const options = toOptions(messages[0]!, true);
    if (interaction.deferred)
      await interaction.editReply({ embeds: options.embeds ?? [], allowedMentions: { parse: [] } });
    else await interaction.reply(options);
  } catch (error) {
    logger.warn({ err: error, interaction: interaction.id }, 'could not answer a failed interaction');
  }
}
