import { describe, expect, it } from 'vitest';
import { defineCommand, defineCommandGroup } from '../../src/core/command.js';
import { assignPositional, parseCommandLine, splitCommandLine } from '../../src/core/command-text.js';
import { textReply } from '../../src/core/reply.js';

const run = () => textReply('');
const latest = defineCommand({
  name: 'latest',
  description: 'Newest stories',
  access: 'anyone',
  options: [
    { name: 'topic', description: 'Topic', type: 'string' },
    { name: 'count', description: 'How many', type: 'integer' },
  ],
  example: '/latest world 3',
  run,
});
const feed = defineCommandGroup({
  name: 'feed',
  description: 'Feeds',
  subcommands: [
    {
      name: 'add',
      description: 'Add',
      access: 'moderator',
      options: [
        { name: 'topic', description: 'Topic', type: 'string', required: true },
        { name: 'url', description: 'URL', type: 'string', required: true },
      ],
      example: '/feed add world https://example.org/rss',
      run,
    },
  ],
});

describe('typed command lines', () => {
  it('reads /name@botname and the rest of the line', () => {
    expect(splitCommandLine('/Latest@news_bot world 3')).toEqual({
      name: 'latest',
      mention: 'news_bot',
      rest: 'world 3',
    });
    expect(splitCommandLine('not a command')).toBeNull();
  });

  it('gives the last text option the rest of the line', () => {
    const options = [
      { name: 'slug', description: 's', type: 'string', required: true },
      { name: 'text', description: 't', type: 'string', required: true },
    ] as const;
    expect(assignPositional(options, 'local  News from our "town" and county')).toEqual({
      slug: 'local',
      text: 'News from our "town" and county',
    });
  });

  it('keeps quoted words together for a middle option', () => {
    const options = [
      { name: 'topic', description: 't', type: 'string', required: true },
      { name: 'schedule', description: 's', type: 'string' },
      { name: 'zone', description: 'z', type: 'integer' },
    ] as const;
    expect(assignPositional(options, 'world "daily 08:00" 3')).toEqual({
      topic: 'world',
      schedule: 'daily 08:00',
      zone: '3',
    });
  });

  it('lets a lone number skip an optional text option to reach the number option', () => {
    expect(parseCommandLine([latest], '/latest 3')).toEqual({ command: 'latest', args: { count: '3' } });
    expect(parseCommandLine([latest], '/latest world 3')).toEqual({
      command: 'latest',
      args: { topic: 'world', count: '3' },
    });
  });

  it('finds the subcommand of a group and reports words no option takes', () => {
    expect(parseCommandLine([feed], '/feed add world https://example.org/rss extra')).toEqual({
      command: 'feed',
      subcommand: 'add',
      args: { topic: 'world', url: 'https://example.org/rss extra' },
    });
    // The last text option takes the rest of the line, leaving the last word for the number option.
    expect(parseCommandLine([latest], '/latest world 3 4')?.args).toEqual({ topic: 'world 3', count: '4' });
    const numbersOnly = defineCommand({
      name: 'latest',
      description: 'Newest stories',
      access: 'anyone',
      options: [{ name: 'count', description: 'n', type: 'integer' }],
      example: '/latest 3',
      run,
    });
    expect(parseCommandLine([numbersOnly], '/latest 3 4')?.args).toEqual({ count: '3', 'extra words': '4' });
    expect(() => parseCommandLine([feed], '/feed plant world')).toThrow("/feed has no 'plant' — try one of: add");
  });
});
