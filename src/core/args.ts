import * as z from 'zod';
import type { Args, AttachmentArg, CommandOption, Subcommand } from './command.js';
import { UserError } from './errors.js';

/**
 * Validates raw arguments (typed values from Discord, strings from Telegram and the console)
 * against a command's options, with messages a person understands.
 */

/** Key under which text parsing puts words no option takes. */
export const EXTRA_WORDS = 'extra words';

const TRUE_WORDS = new Set(['true', 'yes', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'off', '0']);

function baseSchema(option: CommandOption): z.ZodType {
  const { name } = option;
  switch (option.type) {
    case 'string': {
      let schema: z.ZodType = z
        .string({ error: `${name} must be text` })
        .trim()
        .min(1, `${name} cannot be empty`)
        .max(1000, `${name} is too long (1000 characters at most)`);
      if (option.choices) {
        const values = option.choices.map((choice) => choice.value);
        schema = schema
          .refine((value) => values.includes((value as string).toLowerCase()), {
            error: (issue) => `'${String(issue.input)}' is not one of: ${values.join(', ')}`,
          })
          .transform((value) => (value as string).toLowerCase());
      }
      return schema;
    }
    case 'integer': {
      const min = option.min ?? Number.MIN_SAFE_INTEGER;
      const max = option.max ?? Number.MAX_SAFE_INTEGER;
      return z.union([z.number(), z.string()]).transform((value, ctx) => {
        const number = typeof value === 'number' ? value : /^[+-]?\d+$/.test(value.trim()) ? Number(value) : NaN;
        if (!Number.isSafeInteger(number)) {
          ctx.addIssue({ code: 'custom', message: `${name}: '${String(value)}' is not a whole number` });
          return z.NEVER;
        }
        if (number < min || number > max) {
          ctx.addIssue({ code: 'custom', message: `${name} must be from ${min} to ${max}, not ${number}` });
          return z.NEVER;
        }
        return number;
      });
    }
    case 'boolean':
      return z.union([z.boolean(), z.string()]).transform((value, ctx) => {
        if (typeof value === 'boolean') return value;
        const word = value.trim().toLowerCase();
        if (TRUE_WORDS.has(word)) return true;
        if (FALSE_WORDS.has(word)) return false;
        ctx.addIssue({ code: 'custom', message: `${name}: '${value}' is not yes or no` });
        return z.NEVER;
      });
    case 'role':
      return z.string({ error: `${name} must be a role` }).regex(/^\d{5,25}$/, `${name} must be a role`);
    case 'attachment':
      return z.object(
        { name: z.string(), url: z.string().min(1) },
        { error: `${name} must be an attached file` },
      ) satisfies z.ZodType<AttachmentArg>;
  }
}

function optionSchema(option: CommandOption): z.ZodType {
  const base = baseSchema(option);
  return option.schema ? base.pipe(option.schema as z.ZodType<unknown, unknown>) : base;
}

/** Parses raw arguments; throws a UserError naming every problem, with the command's example. */
export function validateArgs(sub: Subcommand, raw: Record<string, unknown>): Args {
  const problems: string[] = [];
  const args: Args = {};
  for (const option of sub.options) {
    const value = raw[option.name];
    if (value === undefined || value === null || value === '') {
      if (option.required) problems.push(`missing ${option.name} (${option.description})`);
      continue;
    }
    const result = optionSchema(option).safeParse(value);
    if (result.success) args[option.name] = result.data as Args[string];
    else problems.push(...result.error.issues.map((issue) => issue.message));
  }
  const unknown = Object.keys(raw).filter((key) => !sub.options.some((option) => option.name === key));
  for (const key of unknown) {
    problems.push(key === EXTRA_WORDS ? `too many arguments: '${String(raw[key])}'` : `unknown option ${key}`);
  }
  if (problems.length > 0) {
    throw new UserError(`${problems.join('; ')}.\nExample: ${sub.example}`);
  }
  return args;
}
