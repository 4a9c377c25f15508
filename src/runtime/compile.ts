import { parseCell, type ParserNode } from '@observablehq/parser';
import type { CellError } from './cell';

/** A cell compiled to a function of the names it references (in `inputs` order). */
export interface CompiledCell {
  ok: true;
  /** The name the cell defines (`x = …`, `function x() {}`), or null for an anonymous cell. */
  name: string | null;
  /** Every free name the code references, deduplicated, in first-use order (globals like `Math` excluded by the parser). */
  inputs: string[];
  fn: (...inputs: unknown[]) => unknown;
  async: boolean;
  generator: boolean;
}

/** A cell that cannot be compiled; the runtime shows `error` as the cell's error. */
export interface CompileFailure {
  ok: false;
  name: string | null;
  inputs: string[];
  error: CellError;
}

export type CompileResult = CompiledCell | CompileFailure;

const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor as FunctionConstructor;
const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor as FunctionConstructor;
const AsyncGeneratorFunction = Object.getPrototypeOf(async function* () {}).constructor as FunctionConstructor;

/**
 * Compile one cell of Observable JavaScript: `name = expression`, `name = { …; return v }`, an
 * anonymous expression, `async`/`await`, generators (`yield`), `function f() {}` / `class C {}`.
 * The body source is wrapped in a Function whose parameters are the referenced names: a block body
 * keeps its inside, an expression becomes `return (…)`. Never throws: a syntax error comes back as
 * `{ok: false, error}` with a message ending in `(line:column)`, both 1-based within the cell.
 * `import`, `viewof` and `mutable` are not supported (compile errors saying so).
 *
 * @example
 *   const c = compileCell('total = a + b');
 *   // { ok: true, name: 'total', inputs: ['a', 'b'], async: false, generator: false, fn }
 *   c.ok && c.fn(1, 2); // 3
 *   compileCell('x = 1 +').error.message; // 'Unexpected end of input (1:8)'
 */
export function compileCell(source: string): CompileResult {
  let cell;
  try {
    cell = parseCell(source);
  } catch (e) {
    return failure(null, [], syntaxError(e));
  }
  const name = cell.id ? identifierName(cell.id) : null;
  if (cell.id && cell.id.type !== 'Identifier') {
    return failure(name, [], { name: 'SyntaxError', message: `${cell.id.type === 'ViewExpression' ? 'viewof' : 'mutable'} is not supported: use a widget cell, e.g. \`x = slider({min: 0, max: 1})\`` });
  }
  const body = cell.body;
  if (body && body.type === 'ImportDeclaration') {
    return failure(name, [], { name: 'SyntaxError', message: 'import cells are not supported: the notebook\'s builtins provide the library' });
  }
  const inputs: string[] = [];
  for (const ref of cell.references) {
    if (ref.type !== 'Identifier') {
      return failure(name, [], { name: 'SyntaxError', message: 'viewof and mutable references are not supported' });
    }
    const n = ref.name as string;
    if (!inputs.includes(n)) inputs.push(n);
  }
  let text = '';
  if (body) {
    text = body.type === 'BlockStatement' ? source.slice(body.start + 1, body.end - 1) : `return (\n${source.slice(body.start, body.end)}\n);`;
  }
  const Ctor = cell.async ? (cell.generator ? AsyncGeneratorFunction : AsyncFunction) : cell.generator ? GeneratorFunction : Function;
  let fn: (...args: unknown[]) => unknown;
  try {
    fn = new Ctor(...inputs, text) as (...args: unknown[]) => unknown;
  } catch (e) {
    return failure(name, inputs, { name: 'SyntaxError', message: e instanceof Error ? e.message : String(e) });
  }
  return { ok: true, name, inputs, fn, async: cell.async, generator: cell.generator };
}

function identifierName(node: ParserNode): string | null {
  if (node.type === 'Identifier') return node.name ?? null;
  return node.id ? identifierName(node.id) : null;
}

function failure(name: string | null, inputs: string[], error: CellError): CompileFailure {
  return { ok: false, name, inputs, error };
}

/** Acorn reports `Message (line:column)` with a 0-based column; rewrite it 1-based. */
function syntaxError(e: unknown): CellError {
  if (!(e instanceof Error)) return { name: 'SyntaxError', message: String(e) };
  const loc = (e as Error & { loc?: { line: number; column: number } }).loc;
  const base = e.message.replace(/\s*\(\d+:\d+\)$/, '');
  if (!loc) return { name: 'SyntaxError', message: base };
  return { name: 'SyntaxError', message: `${base} (${loc.line}:${loc.column + 1})`, line: loc.line, column: loc.column + 1 };
}
