import { defineCommand } from '../src/core/command.js';
import { audit } from '../src/core/ownership.js';
import { textReply } from '../src/core/reply.js';

export const pause = defineCommand({
  name: 'pause',
  description: "Pause this chat's digests until /resume",
  access: 'chat-manager',
  options: [],
  example: '/pause',
  async run(context) {
    const { services, chat, actor, now } = context;
    const current = (await services.chats.get(chat.id)) ?? (await services.chats.ensure(chat));
    if (current.pausedAt) {
      return textReply(
        `Deliveries here are already paused (${current.pausedReason ?? 'no reason given'}). /resume starts them again.`,
      );
    }
    const { held } = await services.digests.pause(chat.id, `paused by ${actor.displayName} with /pause`, now);
    await audit(context, 'chat.pause', `${held} message(s) held`);
    const kept = held > 0 ? ` ${held} waiting message${held === 1 ? ' is' : 's are'} kept for then.` : '';
    return textReply(`Deliveries paused: no digest will be built or sent here until /resume.${kept}`);
  },
});
