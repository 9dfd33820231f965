import { isAllowed } from '../src/core/access.js';
import { defineCommand, leavesOf, type CommandOption } from '../src/core/command.js';
import { textReply } from '../src/core/reply.js';

const usage = (option: CommandOption): string => (option.required ? `<${option.name}>` : `[${option.name}]`);

export const help = defineCommand({
  name: 'help',
  description: 'List the commands you can use here',
  access: 'anyone',
  options: [],
  example: '/help',
  run({ services, actor }) {
    const lines = services.commands
      .flatMap(leavesOf)
      .filter(({ sub }) => isAllowed(sub.access, actor))
      .map(({ path, sub }) =>
        [
          `/${[path, ...sub.options.map(usage)].join(' ')} — ${sub.description}`,
          ...sub.options.map((option) => `    ${option.name}: ${option.description}`),
          `    e.g. ${sub.example}`,
        ].join('\n'),
      );
    return textReply(lines.join('\n'), { title: 'Commands you can use here', ephemeral: true });
  },
});
