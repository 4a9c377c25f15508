/**
 * Pseudonymisation with a keyed hash: HMAC-SHA-256 (Web Crypto, the same in browsers and Node ≥ 20).
 * The key stays with the user; without it the pseudonyms cannot be linked back to ids by hashing
 * guesses, unlike a plain hash.
 */
import type { Table } from 'apache-arrow';
import { makeTable, strings, type ColumnInput } from '../table';

const subtle = (): SubtleCrypto => {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  if (!c?.subtle) throw new Error('pseudonymisation needs Web Crypto (crypto.subtle): use a secure context (https or localhost) or Node ≥ 20');
  return c.subtle;
};

/**
 * A random 256-bit secret as hex, from the platform's cryptographic generator — the per-session key.
 * @example const key = newSecret(); // "9f2c…" (64 hex digits)
 */
export function newSecret(): string {
  const b = new Uint8Array(32);
  (globalThis as { crypto: Crypto }).crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

async function hmacKey(secret: string): Promise<CryptoKey> {
  if (!secret) throw new Error('pseudonymise: the secret key is empty');
  return subtle().importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

/**
 * HMAC-SHA-256(secret, id) as hex, cut to `length` hex digits (default 16 = 64 bits; 64 = the full
 * digest). Same secret + same id → same pseudonym, so joins across exports still work. null stays null.
 * @example await pseudonymise(['12346', '12347'], 'key'); // ['…16 hex…', '…']
 */
export async function pseudonymise(ids: readonly (string | null)[], secret: string, length = 16): Promise<(string | null)[]> {
  const key = await hmacKey(secret);
  const enc = new TextEncoder();
  const cache = new Map<string, string>();
  const out: (string | null)[] = new Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (id === null) {
      out[i] = null;
      continue;
    }
    let h = cache.get(id);
    if (h === undefined) {
      const mac = new Uint8Array(await subtle().sign('HMAC', key, enc.encode(id)));
      h = Array.from(mac, (x) => x.toString(16).padStart(2, '0')).join('').slice(0, length);
      cache.set(id, h);
    }
    out[i] = h;
  }
  return out;
}

/**
 * A copy of `table` whose `columns` (the ones marked personal) are replaced by their pseudonyms;
 * other columns are kept as they are. Default pseudonym length 16 hex digits.
 * @example await pseudonymiseColumns(audience, ['customer'], secret)
 */
export async function pseudonymiseColumns(table: Table, columns: readonly string[], secret: string, length = 16): Promise<Table> {
  const out: Record<string, ColumnInput> = {};
  for (const f of table.schema.fields) {
    out[f.name] = columns.includes(f.name) ? await pseudonymise(strings(table, f.name), secret, length) : table.getChild(f.name)!;
  }
  for (const c of columns) if (!table.getChild(c)) throw new Error(`pseudonymiseColumns: no column \`${c}\` (columns: ${table.schema.fields.map((f) => f.name).join(', ')})`);
  return makeTable(out);
}
