/**
 * A data file that ships with the app (public/data), read into Arrow IPC bytes. The loading worker runs it
 * (so inflating and parsing stay off the main thread) and the tab only maps the bytes into a table.
 */
import { readArrow, writeArrow } from './arrow';
import { parseCsv } from './csv';
import { gunzip, isGzip } from './defaultData';

const ARROW_FILE = /\.(arrow|arrows|feather|ipc)(\.gz)?$/i;

/**
 * The bytes of a shipped file as Arrow IPC: an Arrow file is only inflated and checked (its bytes already
 * are IPC), a CSV (optionally gzip) is parsed with the header and types inferred and written as IPC
 * (stream format). `file` names the file in errors (DataErrors: not gzip, not Arrow, a bad CSV row).
 *
 * @example
 *   const ipc = await shippedIpc(bytes, 'online-retail.arrow.gz');
 *   readArrow(ipc, 'online-retail.arrow.gz').numRows; // 541909
 */
export async function shippedIpc(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  const raw = isGzip(bytes) ? await gunzip(bytes, file) : bytes;
  if (ARROW_FILE.test(file)) {
    readArrow(raw, file); // a located error here, not a vague one in the tab
    return raw;
  }
  return writeArrow(parseCsv(raw, { file: file.replace(/\.gz$/i, '') }), 'stream');
}
