/**
 * A sliding-window pacer: at most `limit` sends per `windowMs` for each key (a platform overall, a
 * chat, a group), checked before sending so the platform's limits are respected rather than
 * discovered by 429s.
 *
 * A send counts from when it starts until `windowMs` after it finished. The platform receives a
 * request somewhere between those two moments, so however long the network takes, no window of
 * the platform's clock can hold more than `limit` of our requests. The cost is one round trip per
 * window of throughput.
 */

export interface PaceWindow {
  /** e.g. `telegram`, `telegram:chat:-100123`. */
  key: string;
  limit: number;
  windowMs: number;
}

/** The slots taken by one send, given back with the moment it finished. */
export interface PaceTicket {
  readonly slots: readonly { key: string; slot: { end: number } }[];
}

export interface Pacer {
  /** Milliseconds until a send under all these windows may start: 0 now, Infinity until a send in flight finishes. */
  waitFor(windows: readonly PaceWindow[]): number;
  /** Takes a slot in each window for a send starting now. */
  acquire(windows: readonly PaceWindow[]): PaceTicket;
  /** The send finished (whatever its outcome): its slots expire a window after now. */
  release(ticket: PaceTicket): void;
  /** Nothing under this key before `untilMs` (a platform's retry_after). */
  block(key: string, untilMs: number): void;
}

interface KeyState {
  windowMs: number;
  /** Finish times of recent sends; Infinity while in flight. */
  slots: { end: number }[];
  blockedUntil: number;
}

export function createPacer(now: () => number = () => Date.now()): Pacer {
  const states = new Map<string, KeyState>();

  const stateOf = (key: string, windowMs: number): KeyState => {
    let state = states.get(key);
    if (!state) {
      state = { windowMs, slots: [], blockedUntil: 0 };
      states.set(key, state);
    }
    // A key first seen through block() learns its window at its first send.
    state.windowMs = Math.max(state.windowMs, windowMs);
    return state;
  };

  // Called for every waiting chat on every pass of the worker: counts without allocating.
  const waitOne = (window: PaceWindow, at: number): number => {
    const state = states.get(window.key);
    if (!state) return 0;
    const since = at - state.windowMs;
    let live = 0;
    let earliest = Infinity;
    for (const slot of state.slots) {
      if (slot.end > since) {
        live++;
        if (slot.end < earliest) earliest = slot.end;
      }
    }
    if (live < state.slots.length) {
      state.slots = state.slots.filter((slot) => slot.end > since);
      if (live === 0 && state.blockedUntil <= at) states.delete(window.key);
    }
    const blocked = Math.max(0, state.blockedUntil - at);
    if (live < window.limit) return blocked;
    // Full: the earliest finished slot frees first; when all are in flight, wait for one to finish.
    return Math.max(blocked, earliest + state.windowMs - at);
  };

  return {
    waitFor(windows) {
      const at = now();
      let wait = 0;
      for (const window of windows) {
        wait = Math.max(wait, waitOne(window, at));
        if (wait === Infinity) break;
      }
      return wait;
    },
    acquire(windows) {
      return {
        slots: windows.map((window) => {
          const slot = { end: Infinity };
          stateOf(window.key, window.windowMs).slots.push(slot);
          return { key: window.key, slot };
        }),
      };
    },
    release(ticket) {
      const at = now();
      for (const { slot } of ticket.slots) slot.end = at;
    },
    block(key, untilMs) {
      const state = stateOf(key, 0);
      state.blockedUntil = Math.max(state.blockedUntil, untilMs);
    },
  };
}
