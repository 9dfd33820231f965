import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../src/config.js';
import { nearMissWarnings } from '../src/config-warnings.js';
import { runCli } from './helpers/cli.js';
import { tempDir } from './helpers/test-app.js';

const KNOWN = Object.keys(configSchema.shape);

describe('near-miss .env keys', () => {
  it('warns at start-up about a key meant for newsbrief, naming the real key, and runs on', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, '.env'),
      ['DISCORD_BOT_TOKEN=abc', 'DATABSE_PATH=elsewhere.db', 'EDITOR_THEME=dark', 'TELEGRAM_CHAT_ID=-100'].join('\n'),
    );
    const result = await runCli(['digest'], {
      cwd: dir,
      env: { DATABASE_PATH: join(dir, 'bot.db'), TELEGRAM_TOKEN: '123456:abc' },
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      [
        'newsbrief: warning: DATABSE_PATH is not a newsbrief setting and is ignored — did you mean DATABASE_PATH?',
        'newsbrief: warning: DISCORD_BOT_TOKEN is not a newsbrief setting and is ignored — did you mean DISCORD_TOKEN?',
        'newsbrief: warning: TELEGRAM_CHAT_ID is not a newsbrief setting and is ignored — .env.example lists the TELEGRAM_… keys',
        'newsbrief: warning: TELEGRAM_TOKEN is not a newsbrief setting and is ignored — did you mean TELEGRAM_BOT_TOKEN?',
        '',
      ].join('\n'),
    );
    expect(result.stdout).toBe('No chat follows a topic yet: nothing to preview.\n');
  });

  it('leaves the machine’s own variables alone, and the real keys', () => {
    const machine = {
      PATH: '/usr/bin',
      HOME: '/home/me',
      USER: 'me',
      LOGNAME: 'me',
      SHELL: '/bin/bash',
      LANG: 'en_GB.UTF-8',
      TERM: 'xterm-256color',
      PWD: '/srv',
      EDITOR: 'vim',
      NODE_ENV: 'production',
      NODE_OPTIONS: '--enable-source-maps',
      DATABASE_URL: 'postgres://db/news',
      TZ: 'Europe/London',
      NO_COLOR: '1',
      CI: 'true',
      HOSTNAME: 'box',
      XDG_RUNTIME_DIR: '/run/user/1000',
      DISCORD_TOKEN: 'x',
      LOG_LEVEL: 'info',
    };
    expect(nearMissWarnings(machine, KNOWN)).toEqual([]);
  });

  it('names the real key for typos and other bots’ names, in any case', () => {
    expect(nearMissWarnings({ log_level: 'debug', FETCH_TIMEOUT: '5', DEFAULT_TIMEZON: 'UTC' }, KNOWN)).toEqual([
      'DEFAULT_TIMEZON is not a newsbrief setting and is ignored — did you mean DEFAULT_TIMEZONE?',
      'FETCH_TIMEOUT is not a newsbrief setting and is ignored — did you mean FETCH_TIMEOUT_MS?',
      'log_level is not a newsbrief setting and is ignored — did you mean LOG_LEVEL?',
    ]);
  });
});
