import { defineCommand } from '../src/core/command.js';
import { helpFor, helpOverview } from '../src/core/help-text.js';
import { textReply } from '../src/core/reply.js';

export const help = defineCommand({
  name: 'help',
  description: 'The commands you can use here, or one in detail',
  access: 'anyone',
  options: [{ name: 'command', description: 'A command to explain, e.g. subscribe', type: 'string' }],
  example: '/help',
  moreExamples: ['/help subscribe', '/help feed add'],
  run({ services, actor }, args) {
    const asked = args.command as string | undefined;
    if (asked) {
      const { title, text } = helpFor(services.commands, asked);
      return textReply(text, { title, ephemeral: true });
    }
    return textReply(helpOverview(services.commands, actor), { title: 'Commands you can use here', ephemeral: true });
  },
});
