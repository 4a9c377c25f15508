/**
 * Test helper: a small canonical transactions table from literal lines.
 * Times are 'YYYY-MM-DD' or 'YYYY-MM-DD HH:mm' in UTC; amount = quantity × price.
 */
import type { Table } from 'apache-arrow';
import { makeTable } from '../../../src/core/table';

export interface Line {
  customer: string | null;
  order: string;
  time: string;
  quantity?: number;
  price?: number;
  item?: string | null;
  itemName?: string | null;
  country?: string | null;
  cancelled?: boolean;
}

export function ms(time: string): number {
  return Date.parse(time.length === 10 ? `${time}T00:00:00Z` : `${time.replace(' ', 'T')}:00Z`);
}

export function makeTx(lines: Line[]): Table {
  const q = Float64Array.from(lines, (l) => l.quantity ?? 1);
  const p = Float64Array.from(lines, (l) => l.price ?? 1);
  return makeTable({
    customer: lines.map((l) => l.customer),
    order: lines.map((l) => l.order),
    time: { timestampMs: Float64Array.from(lines, (l) => ms(l.time)) },
    quantity: q,
    price: p,
    amount: q.map((x, i) => x * p[i]),
    item: lines.map((l) => l.item ?? null),
    itemName: lines.map((l) => l.itemName ?? null),
    country: lines.map((l) => l.country ?? 'UK'),
    cancelled: { bool: Uint8Array.from(lines, (l) => (l.cancelled ? 1 : 0)) },
  });
}
