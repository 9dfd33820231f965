import { defineCommand } from '../src/core/command.js';
import { audit } from '../src/core/ownership.js';
import { textReply } from '../src/core/reply.js';

export const resume = defineCommand({
  name: 'resume',
  description: "Resume this chat's digests and send what was held",
  access: 'chat-manager',
  options: [],
  example: '/resume',
  async run(context) {
    const { services, chat, now } = context;
    const current = await services.chats.get(chat.id);
    if (!current?.pausedAt) return textReply('Deliveries here are not paused.');
    const { released } = await services.digests.resume(chat.id, now);
    await audit(context, 'chat.resume', `${released} message(s) released (was: ${current.pausedReason ?? 'paused'})`);
    const sent = released > 0 ? ` ${released} held message${released === 1 ? ' goes' : 's go'} out now.` : '';
    return textReply(`Deliveries resumed.${sent} Stories that arrived meanwhile come with the next digest.`);
  },
});
