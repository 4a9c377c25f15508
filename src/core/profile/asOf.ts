/**
 * The default "as of" instant of a profile: the start (00:00 UTC) of the day after the last line.
 */
import type { Table } from 'apache-arrow';
import { DAY_MS } from '../schema';
import { lastTime } from './customerStats';

/**
 * 00:00 UTC of the day after the table's last timestamp, in ms — so every line of the last day
 * is before it and a customer who bought on the last day has recency 0.
 *
 * @example
 *   defaultAsOf(tx); // Online Retail (last line 2011-12-09 12:50): Date.UTC(2011, 11, 10)
 */
export function defaultAsOf(tx: Table): number {
  const last = lastTime(tx);
  if (Number.isNaN(last)) throw new Error('the transactions table has no timestamps, so there is no default "as of" date');
  return Math.floor(last / DAY_MS) * DAY_MS + DAY_MS;
}
