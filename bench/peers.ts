/**
 * The Python side of the bench: runs `bench/peers.py <task> <args>` with /usr/bin/python3 and reads
 * the JSON it prints. When Python, pandas or scikit-learn is missing, says so once on stdout and
 * answers null from then on, so the bench goes on with peer values null.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PYTHON } from './config';

const SCRIPT = fileURLToPath(new URL('./peers.py', import.meta.url));

/** Runs peers.py tasks; `available` is false once any prerequisite was found missing. */
export class Peers {
  available = true;
  /** Versions reported by `peers.py check` (e.g. `pandas 1.5.3, scikit-learn 1.2.1`), or the reason it cannot run. */
  description = '';

  /**
   * Checks the interpreter and its packages once; prints one clear line either way.
   *
   * @example
   *   const peers = new Peers().check(); // "peers: Python 3.11.2, pandas 1.5.3, numpy 1.24.2, scikit-learn 1.2.1"
   */
  check(): this {
    if (!existsSync(PYTHON)) {
      this.disable(`${PYTHON} not found`);
      return this;
    }
    const out = this.call('check', []);
    if (out) {
      this.description = String(out.versions);
      console.log(`peers: ${this.description}`);
    }
    return this;
  }

  /**
   * Runs one task and returns its parsed JSON, or null (after printing why) when it cannot.
   *
   * @example
   *   peers.run('rfm', ['/tmp/bench-x/rfm', '5']); // { ms: [...], check: {...} }
   */
  run(task: string, args: string[]): Record<string, unknown> | null {
    if (!this.available) return null;
    return this.call(task, args);
  }

  private call(task: string, args: string[]): Record<string, unknown> | null {
    const r = spawnSync(PYTHON, [SCRIPT, task, ...args], { encoding: 'utf8', maxBuffer: 16 << 20, timeout: 240_000 });
    if (r.error) return this.fail(task, r.error.message);
    const lines = (r.stdout ?? '').trim().split('\n');
    let out: Record<string, unknown> | null = null;
    try {
      out = JSON.parse(lines[lines.length - 1]);
    } catch {
      out = null;
    }
    if (out && typeof out.missing === 'string') return this.disable(out.missing);
    if (r.status !== 0 || !out) return this.fail(task, `exit ${r.status}: ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`);
    return out;
  }

  private disable(why: string): null {
    this.available = false;
    this.description = why;
    console.log(`peers: UNAVAILABLE — ${why}; continuing with peer values null`);
    return null;
  }

  private fail(task: string, why: string): null {
    console.log(`peers: task \`${task}\` failed (${why}); its peer values are null`);
    return null;
  }
}
