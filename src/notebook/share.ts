/**
 * Share links: the URL hash carries the notebook id and every widget value (and, only when the
 * sender chooses, their edited code), compressed and versioned. It never carries customer data:
 * a dataset the sender loaded from their own disk travels as its file name only, and the viewer is
 * asked to load their copy.
 *
 * Format: `#s=1.<base64url(deflate-raw(JSON))>` with JSON `{n, p, c?}`:
 *   n — notebook id, p — parameter values by name, c — edited cell sources by cell id (optional).
 *
 * @example
 *   const hash = await encodeShare({ notebook: 'value-tiering', params: { threshold: 0.6 } });
 *   await decodeShare(hash); // { ok: true, state: { notebook: 'value-tiering', params: { threshold: 0.6 }, code: {} } }
 */
export const SHARE_VERSION = 1;
/** Longest hash accepted (characters); links are for parameters, not data. */
export const MAX_SHARE_LENGTH = 32_768;

export interface ShareState {
  notebook: string;
  params: Record<string, unknown>;
  /** Edited code by cell id — present only when the sender chose to include their edits. */
  code?: Record<string, string>;
}

export type ShareDecode = { ok: true; state: ShareState } | { ok: false; message: string } | { ok: 'none' };

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const body = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(body).arrayBuffer());
}

/** The hash (without `#`) for a share state. */
export async function encodeShare(state: ShareState): Promise<string> {
  const json: Record<string, unknown> = { n: state.notebook, p: state.params };
  if (state.code && Object.keys(state.code).length) json.c = state.code;
  const packed = await pipe(new TextEncoder().encode(JSON.stringify(json)), new CompressionStream('deflate-raw'));
  return `s=${SHARE_VERSION}.${toBase64Url(packed)}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Why a link could not be read, for the UI to show in its language: `key` is a message key of the
 * UI catalogues (`src/ui/i18n/en.ts`, `share.error.*`), `params` fill its placeholders. `message`
 * of the decode result is the same text in English.
 */
export interface ShareErrorReason {
  key: 'share.error.tooLong' | 'share.error.malformed' | 'share.error.newer' | 'share.error.decompress' | 'share.error.noNotebook' | 'share.error.codeNotText';
  params: Record<string, string | number>;
}

export type ShareDecodeDetailed = { ok: true; state: ShareState } | { ok: false; message: string; reason: ShareErrorReason } | { ok: 'none' };

const fail = (message: string, key: ShareErrorReason['key'], params: ShareErrorReason['params'] = {}): ShareDecodeDetailed => ({ ok: false, message, reason: { key, params } });

/**
 * Read a location hash (with or without `#`). `{ok: 'none'}` when there is no share state;
 * `{ok: false, message}` for a malformed, oversized or newer-version link (the caller shows the
 * message and opens the defaults).
 */
export async function decodeShare(hash: string): Promise<ShareDecode> {
  const r = await decodeShareDetailed(hash);
  return r.ok === false ? { ok: false, message: r.message } : r;
}

/**
 * `decodeShare` plus, for a link that cannot be read, the `reason` as a message key and
 * parameters, so the UI can show it translated.
 *
 * @example
 *   await decodeShareDetailed('#s=1.@@@')
 *   // { ok: false, message: 'This link is damaged (…); opening the defaults.', reason: { key: 'share.error.malformed', params: {} } }
 */
export async function decodeShareDetailed(hash: string): Promise<ShareDecodeDetailed> {
  const h = hash.replace(/^#/, '');
  if (!h.startsWith('s=')) return { ok: 'none' };
  if (h.length > MAX_SHARE_LENGTH) {
    return fail(
      `This link's state is ${h.length.toLocaleString('en-US')} characters long, more than the ${MAX_SHARE_LENGTH.toLocaleString('en-US')} accepted; opening the defaults.`,
      'share.error.tooLong',
      { length: h.length, max: MAX_SHARE_LENGTH },
    );
  }
  const m = /^s=(\d+)\.([A-Za-z0-9_-]+)$/.exec(h);
  if (!m) return fail('This link is damaged (its state is not in the expected form); opening the defaults.', 'share.error.malformed');
  const version = Number(m[1]);
  if (version !== SHARE_VERSION) {
    return fail(
      `This link was made by a newer Tierbook (state version ${version}; this one reads ${SHARE_VERSION}); opening the defaults.`,
      'share.error.newer',
      { version: String(version), supported: String(SHARE_VERSION) },
    );
  }
  let json: unknown;
  try {
    const bytes = await pipe(fromBase64Url(m[2]), new DecompressionStream('deflate-raw'));
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return fail('This link is damaged (its state could not be decompressed); opening the defaults.', 'share.error.decompress');
  }
  if (!isRecord(json) || typeof json.n !== 'string' || !isRecord(json.p)) {
    return fail('This link is damaged (its state has no notebook or parameters); opening the defaults.', 'share.error.noNotebook');
  }
  const code: Record<string, string> = {};
  if (json.c !== undefined) {
    if (!isRecord(json.c) || Object.values(json.c).some((v) => typeof v !== 'string')) {
      return fail('This link is damaged (its code is not text); opening the defaults.', 'share.error.codeNotText');
    }
    Object.assign(code, json.c);
  }
  return { ok: true, state: { notebook: json.n, params: json.p, code } };
}
