/**
 * Scratch files the JS side writes once for the Python peers: a temp folder, raw little-endian
 * typed arrays (numpy `fromfile` reads them as they are) and JSON side files.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A fresh temp folder for this bench run with a `remove()` to delete it.
 *
 * @example
 *   const work = workDir();           // /tmp/tierbook-bench-XXXXXX
 *   const dir = work.sub('rfm');      // /tmp/tierbook-bench-XXXXXX/rfm (created)
 *   work.remove();
 */
export function workDir(): { path: string; sub: (name: string) => string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'tierbook-bench-'));
  return {
    path,
    sub: (name) => {
      const p = join(path, name);
      mkdirSync(p, { recursive: true });
      return p;
    },
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}

/**
 * Writes a typed array's bytes as they are in memory (little-endian on every machine this runs on).
 *
 * @example
 *   writeTyped('/tmp/x/time.f64', Float64Array.of(1, 2)); // np.fromfile('/tmp/x/time.f64', '<f8') → [1., 2.]
 */
export function writeTyped(path: string, a: Int32Array | Float64Array | Float32Array | Uint8Array): void {
  writeFileSync(path, new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
}

/**
 * Writes a value as JSON.
 *
 * @example
 *   writeJson('/tmp/x/shape.json', [4000, 7]);
 */
export function writeJson(path: string, value: unknown): void {
  writeFileSync(path, JSON.stringify(value));
}
