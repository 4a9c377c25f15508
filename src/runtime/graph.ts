/**
 * The dependency graph of a notebook's code cells, computed from names alone (pure).
 *
 * Resolution of a referenced name, in order: a cell that defines it (one → that cell; several →
 * the reader errors "`x` is defined more than once"), a builtin, a global (`globals(name)`), else
 * the reader errors "`x` is not defined". Cells on a cycle error "circular definition: a → b → a"
 * (starting from each cell itself). Error precedence for one cell: compile error, its own name defined
 * twice, circular definition, an ambiguous reference, an unknown reference.
 * `order` is a topological order (inputs first) that keeps notebook order where the graph allows;
 * edges inside a cycle are ignored for ordering (those cells do not run).
 *
 * @example
 *   const g = buildGraph(
 *     [{ key: 1, name: 'a', refs: [] }, { key: 2, name: 'b', refs: ['a', 'Math2'] }],
 *     (n) => n === 'slider', () => false);
 *   g.nodes.get(2).error // '`Math2` is not defined'
 *   g.order            // [1, 2]
 */
export interface GraphInput {
  /** A stable key for the cell (the runtime's internal serial number). */
  key: number;
  name: string | null;
  /** Referenced names (deduplicated), as compile.ts lists them. */
  refs: string[];
  /** True when the cell did not compile (it still defines its name, which then fails for readers). */
  compileError?: boolean;
}

/** How a referenced name resolves. */
export type Resolution =
  | { kind: 'cell'; key: number }
  | { kind: 'builtin' }
  | { kind: 'global' }
  | { kind: 'unknown' }
  | { kind: 'ambiguous'; keys: number[] };

export interface GraphNode {
  key: number;
  /** One per ref, same order. */
  resolutions: Resolution[];
  /** Refs that resolve to a cell or a builtin (the cell state's `inputs`). */
  inputs: string[];
  /** Keys of cells this one reads (all definers of an ambiguous name included). */
  deps: number[];
  /** Keys of cells that read this one. */
  dependents: number[];
  /** A static problem that stops the cell from running, or undefined. */
  error?: string;
  /** Position in `order`. */
  rank: number;
  /** Changes whenever resolution or static error changes: the runtime re-runs the cell then. */
  signature: string;
}

export interface Graph {
  nodes: Map<number, GraphNode>;
  order: number[];
  /** Name → defining cell keys. */
  definers: Map<string, number[]>;
}

export function buildGraph(cells: readonly GraphInput[], isBuiltin: (name: string) => boolean, isGlobal: (name: string) => boolean): Graph {
  const definers = new Map<string, number[]>();
  for (const c of cells) {
    if (c.name === null) continue;
    const list = definers.get(c.name);
    if (list) list.push(c.key);
    else definers.set(c.name, [c.key]);
  }
  const byKey = new Map<number, GraphInput>();
  for (const c of cells) byKey.set(c.key, c);

  const nodes = new Map<number, GraphNode>();
  for (const c of cells) {
    const resolutions: Resolution[] = [];
    const inputs: string[] = [];
    const deps: number[] = [];
    for (const ref of c.refs) {
      const defs = definers.get(ref);
      let r: Resolution;
      if (defs && defs.length === 1) r = { kind: 'cell', key: defs[0] };
      else if (defs) r = { kind: 'ambiguous', keys: defs };
      else if (isBuiltin(ref)) r = { kind: 'builtin' };
      else if (isGlobal(ref)) r = { kind: 'global' };
      else r = { kind: 'unknown' };
      resolutions.push(r);
      if (r.kind === 'cell' || r.kind === 'builtin' || r.kind === 'ambiguous') inputs.push(ref);
      if (r.kind === 'cell') deps.push(r.key);
      if (r.kind === 'ambiguous') for (const k of r.keys) if (!deps.includes(k)) deps.push(k);
    }
    nodes.set(c.key, { key: c.key, resolutions, inputs, deps, dependents: [], rank: 0, signature: '' });
  }
  for (const n of nodes.values()) for (const d of n.deps) nodes.get(d)!.dependents.push(n.key);

  const cyclic = findCycles(cells, nodes);

  for (const c of cells) {
    const n = nodes.get(c.key)!;
    let error: string | undefined;
    if (c.compileError) error = undefined; // the compile error is the cell's own; the runtime shows it
    else if (c.name !== null && definers.get(c.name)!.length > 1) error = `\`${c.name}\` is defined more than once`;
    else if (cyclic.has(c.key)) error = `circular definition: ${cyclePath(c.key, nodes, byKey)}`;
    else {
      const amb = n.resolutions.findIndex((r) => r.kind === 'ambiguous');
      const unk = n.resolutions.findIndex((r) => r.kind === 'unknown');
      if (amb >= 0) error = `\`${c.refs[amb]}\` is defined more than once`;
      else if (unk >= 0) error = `\`${c.refs[unk]}\` is not defined`;
    }
    n.error = error;
    n.signature = `${n.resolutions.map(resolutionText).join(',')}|${error ?? ''}`;
  }

  // Topological order by depth-first post-order over inputs, visiting cells in notebook order.
  const order: number[] = [];
  const state = new Map<number, 1 | 2>();
  const visit = (key: number) => {
    const s = state.get(key);
    if (s !== undefined) return; // 2: done; 1: on the stack (a cycle edge: ignored)
    state.set(key, 1);
    const comp = cyclic.get(key);
    for (const d of nodes.get(key)!.deps) if (!(comp && comp === cyclic.get(d))) visit(d);
    state.set(key, 2);
    nodes.get(key)!.rank = order.length;
    order.push(key);
  };
  for (const c of cells) visit(c.key);
  return { nodes, order, definers };
}

function resolutionText(r: Resolution): string {
  switch (r.kind) {
    case 'cell':
      return `c${r.key}`;
    case 'ambiguous':
      return `a${r.keys.join('/')}`;
    default:
      return r.kind[0];
  }
}

/** Tarjan's strongly connected components; returns key → component id for cells on a cycle. */
function findCycles(cells: readonly GraphInput[], nodes: Map<number, GraphNode>): Map<number, number> {
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const onStack = new Set<number>();
  const stack: number[] = [];
  const result = new Map<number, number>();
  let counter = 0;
  let component = 0;
  const strong = (v: number) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of nodes.get(v)!.deps) {
      if (!index.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const members: number[] = [];
      let w: number;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        members.push(w);
      } while (w !== v);
      const selfLoop = members.length === 1 && nodes.get(v)!.deps.includes(v);
      if (members.length > 1 || selfLoop) {
        component++;
        for (const m of members) result.set(m, component);
      }
    }
  };
  for (const c of cells) if (!index.has(c.key)) strong(c.key);
  return result;
}

/** Shortest path from `start` back to itself inside its component, as `a → b → a`. */
function cyclePath(start: number, nodes: Map<number, GraphNode>, byKey: Map<number, GraphInput>): string {
  const prev = new Map<number, number>();
  const queue = [start];
  let found = false;
  for (let qi = 0; qi < queue.length && !found; qi++) {
    const v = queue[qi];
    for (const w of nodes.get(v)!.deps) {
      if (w === start) {
        prev.set(-1, v);
        found = true;
        break;
      }
      if (!prev.has(w) && w !== start) {
        const n = nodes.get(w);
        if (!n) continue;
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  const path: number[] = [start];
  let v = prev.get(-1)!;
  const back: number[] = [];
  while (v !== start) {
    back.push(v);
    v = prev.get(v)!;
  }
  path.push(...back.reverse(), start);
  return path.map((k) => byKey.get(k)!.name ?? '(anonymous)').join(' → ');
}
