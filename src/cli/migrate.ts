import { existsSync } from 'node:fs';
import type { Config } from '../config.js';
import type { Io } from '../main.js';

const USAGE = `Usage: newsbrief migrate [--from-sqlite <file>]

Brings the PostgreSQL database named by DATABASE_URL to this newsbrief's schema.
  --from-sqlite <file>   then copies that SQLite database (topics, feeds, subscriptions,
                         watermarks, stories, outbox, history) into it; the PostgreSQL
                         schema must be empty. Stop the bot that uses the file first.
`;

interface MigrateArgs {
  fromSqlite: string | null;
}

/** The arguments, or the sentence saying what is wrong with them. */
export function parseMigrateArgs(argv: readonly string[]): MigrateArgs | string {
  const args: MigrateArgs = { fromSqlite: null };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--from-sqlite') {
      const file = argv[++index];
      if (!file || file.startsWith('--')) return '--from-sqlite needs the SQLite file to copy';
      args.fromSqlite = file;
    } else if (arg.startsWith('--from-sqlite=')) {
      args.fromSqlite = arg.slice('--from-sqlite='.length);
      if (!args.fromSqlite) return '--from-sqlite needs the SQLite file to copy';
    } else {
      return `unknown argument ${arg}`;
    }
  }
  return args;
}

/**
 * `newsbrief migrate [--from-sqlite <file>]`: migrates PostgreSQL, then copies a SQLite database
 * into it in one transaction (nothing is kept when any table fails), and prints the rows per table.
 */
export async function runMigrate(config: Config, argv: string[], io: Pick<Io, 'stdout' | 'stderr'>): Promise<number> {
  const args = parseMigrateArgs(argv);
  if (typeof args === 'string') {
    io.stderr.write(`newsbrief migrate: ${args}\n\n${USAGE}`);
    return 2;
  }
  if (!config.DATABASE_URL) {
    io.stderr.write(
      'newsbrief migrate: DATABASE_URL is not set: give the PostgreSQL database to migrate, as postgres://user:password@host:5432/database\n',
    );
    return 1;
  }
  if (args.fromSqlite !== null && !existsSync(args.fromSqlite)) {
    io.stderr.write(`newsbrief migrate: ${args.fromSqlite}: no such file (the SQLite database to copy)\n`);
    return 1;
  }
  const [{ connectPostgres }, { migratePostgres }, { copyFromSqlite }] = await Promise.all([
    import('../store/postgres/connect.js'),
    import('../store/postgres/migrate.js'),
    import('../store/postgres/copy-from-sqlite.js'),
  ]);
  let pool;
  try {
    pool = await connectPostgres(config.DATABASE_URL, { max: 2 });
  } catch (error) {
    io.stderr.write(`newsbrief migrate: ${(error as Error).message}\n`);
    return 1;
  }
  try {
    const applied = await migratePostgres(pool);
    io.stdout.write(`PostgreSQL schema: ${applied === 0 ? 'already current' : `${applied} migration(s) applied`}\n`);
    if (args.fromSqlite === null) return 0;
    const report = await copyFromSqlite(args.fromSqlite, pool);
    const tables = Object.entries(report.rows);
    const width = Math.max(...tables.map(([table]) => table.length));
    for (const [table, rows] of tables) io.stdout.write(`  ${table.padEnd(width)}  ${rows} rows\n`);
    io.stdout.write(`copied ${args.fromSqlite} into PostgreSQL: start newsbrief with DATABASE_URL set to use it\n`);
    return 0;
  } catch (error) {
    io.stderr.write(`newsbrief migrate: ${(error as Error).message} (nothing was copied)\n`);
    return 1;
  } finally {
    await pool.end();
  }
}
