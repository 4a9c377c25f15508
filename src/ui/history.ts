/**
 * Undo/redo over notebook states (the list of cell specs). Every edit, add, delete and move
 * pushes the state before it; a burst of typing in one cell within `mergeMs` is one step.
 *
 * @example
 *   const h = new History<CellSpec[]>();
 *   h.push(before, 'edit:c3'); const prev = h.undo(current); // → before
 */
export class History<T> {
  #past: { state: T; key: string; at: number }[] = [];
  #future: T[] = [];
  constructor(
    readonly limit = 200,
    readonly mergeMs = 1500,
  ) {}

  /** Record `before` (the state before a change). Changes with the same key in a burst merge. */
  push(before: T, key: string, now = Date.now()): void {
    const last = this.#past[this.#past.length - 1];
    this.#future = [];
    if (last && last.key === key && key.startsWith('edit:') && now - last.at < this.mergeMs) {
      last.at = now;
      return;
    }
    this.#past.push({ state: before, key, at: now });
    if (this.#past.length > this.limit) this.#past.shift();
  }

  get canUndo(): boolean {
    return this.#past.length > 0;
  }

  get canRedo(): boolean {
    return this.#future.length > 0;
  }

  /** The state to go back to, given the current one (which becomes redoable). */
  undo(current: T): T | null {
    const entry = this.#past.pop();
    if (!entry) return null;
    this.#future.push(current);
    return entry.state;
  }

  redo(current: T): T | null {
    const next = this.#future.pop();
    if (next === undefined) return null;
    this.#past.push({ state: current, key: 'redo', at: 0 });
    return next;
  }

  clear(): void {
    this.#past = [];
    this.#future = [];
  }
}
