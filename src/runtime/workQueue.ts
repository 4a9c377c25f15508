/**
 * The runtime's queue of cells ready to advance, run in slices: urgent items (cells on screen and
 * what they read) before the rest, at most `budgetMs` of synchronous work per slice, then a macrotask
 * yield so the browser can paint. When urgent work ran in a slice and only other work is left, it
 * yields once more first, so what is on screen is painted before the off-screen cells compute.
 * While `holdRestUntil()` is in the future (a slider is being dragged), the other work waits for it:
 * only what is on screen keeps up with the drag, the rest runs once the drag pauses.
 *
 * @example
 *   const q = new WorkQueue<Node>({ budgetMs: 40, prioritised: true, advance, willRun, resumed, stopped });
 *   q.push(node, node.urgent);
 *   q.drain(); // runs a slice now, schedules the rest
 */
export interface WorkQueueOptions<T> {
  /** Longest stretch (ms) of synchronous work per slice (Infinity: never yield for time). */
  budgetMs: number;
  /** Whether urgent work gets its own slice (false: one queue, nothing held back). */
  prioritised: boolean;
  /** Advance one item (it may find it has nothing to do yet). */
  advance: (item: T) => void;
  /** Whether advancing `item` now does work (counts as urgent work done in this slice). */
  willRun: (item: T) => boolean;
  /** Called after each slice that was resumed from a yield. */
  resumed: () => void;
  /** True once the owner is disposed: nothing more runs. */
  stopped: () => boolean;
  /** A `performance.now()` time before which non-urgent work does not start (default: none). */
  holdRestUntil?: () => number;
}

export class WorkQueue<T> {
  private readonly urgent: T[] = [];
  private readonly rest: T[] = [];
  private draining = false;
  private yielded = false;
  /** The pending timer that resumes held work, and the time it fires at. */
  private holdTimer: ReturnType<typeof setTimeout> | null = null;
  private holdAt = 0;

  constructor(private readonly opts: WorkQueueOptions<T>) {}

  push(item: T, urgent: boolean): void {
    (urgent ? this.urgent : this.rest).push(item);
  }

  /** Run a slice now (unless one is running or a yield is pending); schedule the rest after a yield. */
  drain(): void {
    if (this.draining || this.yielded) return;
    this.draining = true;
    const { budgetMs, prioritised, advance, willRun, stopped } = this.opts;
    const t0 = performance.now();
    let ranUrgent = false;
    let yieldNow = false;
    try {
      while (!stopped()) {
        let item: T;
        if (this.urgent.length) {
          item = this.urgent.shift()!;
          if (willRun(item)) ranUrgent = true;
        } else if (this.rest.length) {
          const hold = this.opts.holdRestUntil?.() ?? 0;
          if (hold > performance.now()) {
            this.resumeAt(hold);
            break;
          }
          if (ranUrgent && prioritised) {
            yieldNow = true;
            break;
          }
          item = this.rest.shift()!;
        } else break;
        advance(item);
        if ((this.urgent.length || this.rest.length) && performance.now() - t0 > budgetMs) {
          yieldNow = true;
          break;
        }
      }
    } finally {
      this.draining = false;
    }
    if (yieldNow && !stopped()) this.yieldThenDrain();
  }

  /** Run the queued work in a later macrotask (not now): the current task ends first. */
  drainSoon(): void {
    if (this.draining || this.yielded) return;
    this.yieldThenDrain();
  }

  /** Drain again at time `at` (held work); a later hold moves the timer. */
  private resumeAt(at: number): void {
    if (this.holdTimer !== null) {
      if (this.holdAt >= at) return;
      clearTimeout(this.holdTimer);
    }
    this.holdAt = at;
    this.holdTimer = setTimeout(() => {
      this.holdTimer = null;
      if (this.opts.stopped()) return;
      this.drain();
      this.opts.resumed();
    }, Math.max(0, at - performance.now()));
  }

  /** Let the browser paint what is ready, then go on (a macrotask, not a throttled timer). */
  private yieldThenDrain(): void {
    this.yielded = true;
    const resume = () => {
      this.yielded = false;
      this.drain();
      this.opts.resumed();
    };
    nextTask(resume);
  }
}

/**
 * Run `fn` in a new macrotask, after the browser may paint: a MessageChannel message (not a
 * throttled timer), else `setTimeout(fn, 0)` where there is no MessageChannel.
 *
 * @example
 *   nextTask(() => drain()); // the current task ends first
 */
export function nextTask(fn: () => void): void {
  if (typeof MessageChannel !== 'undefined') {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      fn();
    };
    channel.port2.postMessage(null);
  } else setTimeout(fn, 0);
}
