import { styleText } from 'node:util';
import { PLAIN_STYLE, type TextStyle } from '../../core/digest/render-text.js';

/**
 * Colour for the console, only where a person reads it: on a terminal that has colours. Piped
 * output, and a terminal with NO_COLOR (or NODE_DISABLE_COLORS, or TERM=dumb) set, get plain text;
 * FORCE_COLOR forces it. Those variables are read by Node's own `hasColors()` on the stream.
 */

export interface ConsoleStyle extends TextStyle {
  error(text: string): string;
  prompt(text: string): string;
}

type Format = Parameters<typeof styleText>[0];

/** The stream as the console sees it: a tty.WriteStream has both; a pipe or a file has neither. */
export interface MaybeTerminal {
  isTTY?: boolean;
  hasColors?: (count?: number) => boolean;
}

export function wantsColour(output: MaybeTerminal): boolean {
  return output.isTTY === true && typeof output.hasColors === 'function' && output.hasColors();
}

// The stream was checked once above; styleText's own check would look at process.stdout instead.
const paint =
  (format: Format) =>
  (text: string): string =>
    styleText(format, text, { validateStream: false });

const COLOURED: ConsoleStyle = {
  title: paint(['bold', 'underline']),
  headline: paint('bold'),
  speaker: paint('cyan'),
  meta: paint('dim'),
  error: paint('red'),
  prompt: paint('dim'),
};

export const PLAIN_CONSOLE_STYLE: ConsoleStyle = { ...PLAIN_STYLE, error: (text) => text, prompt: (text) => text };

export const consoleStyleFor = (output: MaybeTerminal): ConsoleStyle =>
  wantsColour(output) ? COLOURED : PLAIN_CONSOLE_STYLE;
