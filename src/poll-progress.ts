/** Where progress goes: a terminal stream (process.stderr when it is a TTY). */
export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface PollProgress {
  /** The poll's progress callback: (0, due) first, then after each feed. */
  update(done: number, total: number): void;
  /** Clears the line, so the prompt that follows starts clean. */
  end(): void;
}

const CLEAR_LINE = '\r\x1b[2K';

/**
 * "polling 4 feeds… 3/4" on one terminal line, rewritten as feeds finish, so the operator of
 * `npm start` never stares at silent seconds before the prompt. Off the terminal (piped, a
 * service's log) it writes nothing: logs record the poll there, and stdout stays the chat's.
 */
export function pollProgress(output: ProgressOutput): PollProgress {
  if (output.isTTY !== true) return { update() {}, end() {} };
  let shown = false;
  return {
    update(done, total) {
      if (total === 0) return;
      shown = true;
      output.write(`${CLEAR_LINE}polling ${total} ${total === 1 ? 'feed' : 'feeds'}… ${done}/${total}`);
    },
    end() {
      if (shown) output.write(CLEAR_LINE);
      shown = false;
    },
  };
}
