/**
 * A line diff (longest common subsequence), for "what differs from the shipped notebook".
 *
 * @example
 *   diffLines('a\nb\nc', 'a\nx\nc')
 *   // [{op: ' ', text: 'a'}, {op: '-', text: 'b'}, {op: '+', text: 'x'}, {op: ' ', text: 'c'}]
 */
export interface DiffLine {
  op: ' ' | '-' | '+';
  text: string;
}

export function diffLines(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  // Trim the common head and tail so the quadratic table covers only the changed middle.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const A = a.slice(head, a.length - tail);
  const B = b.slice(head, b.length - tail);
  const n = A.length;
  const m = B.length;
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = A[i] === B[j] ? lcs[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1]);
    }
  }
  const out: DiffLine[] = a.slice(0, head).map((text) => ({ op: ' ', text }));
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && A[i] === B[j]) {
      out.push({ op: ' ', text: A[i] });
      i++;
      j++;
    } else if (i < n && (j === m || lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1])) {
      out.push({ op: '-', text: A[i++] });
    } else {
      out.push({ op: '+', text: B[j++] });
    }
  }
  for (const text of a.slice(a.length - tail)) out.push({ op: ' ', text });
  return out;
}

/** Only the changed lines with `context` lines around them; `…` marks skipped stretches. */
export function diffHunks(lines: DiffLine[], context = 2): (DiffLine | '…')[] {
  const keep = new Uint8Array(lines.length);
  lines.forEach((l, k) => {
    if (l.op !== ' ') for (let d = -context; d <= context; d++) if (k + d >= 0 && k + d < lines.length) keep[k + d] = 1;
  });
  const out: (DiffLine | '…')[] = [];
  let skipped = false;
  lines.forEach((l, k) => {
    if (keep[k]) {
      if (skipped && out.length) out.push('…');
      skipped = false;
      out.push(l);
    } else skipped = true;
  });
  return out;
}
