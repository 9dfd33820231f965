import { isAllowed } from './access.js';
import { findCommand, leavesOf, namesOf, type Access, type Command, type CommandOption } from './command.js';
import type { Actor } from './domain.js';
import { UserError } from './errors.js';

/**
 * What /help shows. The overview fits a 24-line, 80-column terminal: the commands grouped by
 * what people do with them, one line each; `/help <command>` gives the options and examples.
 */

type Section = 'Reading' | 'Subscribing' | 'Moderating';
const SECTIONS: readonly Section[] = ['Reading', 'Subscribing', 'Moderating'];

/** Where each command belongs; a command not listed goes by who may use it. */
const SECTION_OF: Readonly<Record<string, Section>> = {
  start: 'Reading',
  help: 'Reading',
  topics: 'Reading',
  latest: 'Reading',
  digest: 'Reading',
  subscribe: 'Subscribing',
  unsubscribe: 'Subscribing',
  subscriptions: 'Subscribing',
  settings: 'Subscribing',
  pause: 'Subscribing',
  resume: 'Subscribing',
  timezone: 'Subscribing',
};
const sectionByAccess = (access: Access): Section =>
  access === 'anyone' ? 'Reading' : access === 'chat-manager' ? 'Subscribing' : 'Moderating';

const WHO: Readonly<Record<Access, string>> = {
  anyone: 'anyone',
  'chat-manager': 'people who manage this chat, and moderators',
  moderator: 'moderators of this community',
  operator: "the bot's operator",
};

const usage = (option: CommandOption): string => (option.required ? `<${option.name}>` : `[${option.name}]`);

/** One line per command the actor may use, under its section's heading. */
export function helpOverview(registry: readonly Command[], actor: Actor): string {
  const rows = registry.flatMap((command) => {
    const allowed = leavesOf(command).filter(({ sub }) => isAllowed(sub.access, actor));
    if (allowed.length === 0) return [];
    const section = SECTION_OF[command.name] ?? sectionByAccess(allowed[0]!.sub.access);
    const summary =
      command.kind === 'group'
        ? `${command.description}: ${allowed.map(({ sub }) => sub.name).join(', ')}`
        : command.description;
    const aliases = namesOf(command)
      .slice(1)
      .map((alias) => `/${alias} = /${command.name}`);
    return [{ section, name: `/${command.name}`, summary, aliases }];
  });
  const width = Math.max(...rows.map((row) => row.name.length)) + 2;
  const lines = SECTIONS.flatMap((section) => {
    const inSection = rows.filter((row) => row.section === section);
    if (inSection.length === 0) return [];
    return [section, ...inSection.map((row) => `  ${row.name.padEnd(width)}${row.summary}`)];
  });
  const aliases = rows.flatMap((row) => row.aliases);
  if (aliases.length > 0) lines.push(`Short forms: ${aliases.join(', ')}`);
  lines.push('/help <command> shows its options and examples, e.g. /help subscribe');
  return lines.join('\n');
}

/** Everything about one command (or one subcommand: `feed add`): usage, options, who may use it, examples. */
export function helpFor(registry: readonly Command[], asked: string): { title: string; text: string } {
  const [name = '', subName] = asked.trim().replace(/^\//, '').toLowerCase().split(/\s+/);
  const command = findCommand(registry, name);
  if (!command) throw new UserError(`There is no /${name}. /help lists every command.`);
  const leaves = leavesOf(command).filter(({ sub }) => !subName || sub.name === subName);
  if (leaves.length === 0) {
    const names = leavesOf(command).map(({ sub }) => sub.name);
    throw new UserError(`/${command.name} has no '${subName}' — it has: ${names.join(', ')}`);
  }
  const aliases = namesOf(command).slice(1);
  const blocks = leaves.map(({ path, sub }) =>
    [
      `/${[path, ...sub.options.filter((option) => !option.slashOnly).map(usage)].join(' ')}`,
      `  ${sub.description}.`,
      ...sub.options.map((option) => `  ${option.name}: ${option.description}`),
      `  Who: ${WHO[sub.access]}.`,
      ...[sub.example, ...(sub.moreExamples ?? [])].map((example) => `  e.g. ${example}`),
    ].join('\n'),
  );
  if (aliases.length > 0) blocks.push(`Also typed as ${aliases.map((alias) => `/${alias}`).join(', ')}.`);
  const shown = subName ? leaves[0]!.path : command.name;
  return { title: `Help for /${shown}`, text: blocks.join('\n\n') };
}
