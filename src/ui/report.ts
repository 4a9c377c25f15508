/**
 * A self-contained HTML report of the current view: narrative (math as MathML), charts as inline
 * SVG, tables as their visible rows, widgets as "label: value". No scripts, no external resources.
 */
import DOMPurify from 'dompurify';
import { figureToSvg } from '../stdlib/svg';
import { withChartStyles } from './chartStyles';

const STYLE = `body{font-family:Georgia,'Songti SC',serif;max-width:860px;margin:40px auto;padding:0 20px;color:#1f2328;line-height:1.55}
h1,h2,h3{font-family:Helvetica,Arial,sans-serif}table{border-collapse:collapse;font:12px Helvetica,Arial,sans-serif;margin:8px 0}
td,th{border-bottom:1px solid #ddd;padding:3px 8px;text-align:left}figure{margin:12px 0}svg{max-width:100%;height:auto}
.param{font:13px Helvetica,Arial,sans-serif;color:#444}.meta{color:#666;font-size:12px}`;

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function buildReport(root: Element, title: string, now = new Date()): string {
  const parts: string[] = [];
  for (const cell of root.querySelectorAll<HTMLElement>('article.cell')) {
    if (cell.classList.contains('markdown')) {
      const clone = cell.querySelector('.prose')?.cloneNode(true) as HTMLElement | undefined;
      if (!clone) continue;
      // KaTeX renders HTML + MathML; keep only the MathML, which browsers draw without fonts or CSS.
      clone.querySelectorAll('.katex-html').forEach((e) => e.remove());
      parts.push(clone.innerHTML);
      continue;
    }
    const widget = cell.querySelector<HTMLElement>('[data-widget]');
    if (widget) {
      const label = widget.querySelector('label')?.textContent?.trim() ?? widget.dataset.widget;
      const control = widget.querySelector<HTMLInputElement | HTMLSelectElement>('input, select');
      const value = control instanceof HTMLInputElement && control.type === 'checkbox' ? (control.checked ? 'yes' : 'no') : (control?.value ?? '');
      if (control) parts.push(`<p class="param"><strong>${escapeHtml(label ?? '')}</strong>: ${escapeHtml(value)}</p>`);
      continue;
    }
    const chart = cell.querySelector('figure.chart > *');
    if (chart) {
      parts.push(`<figure>${withChartStyles(chart, () => figureToSvg(chart))}</figure>`);
      continue;
    }
    const table = cell.querySelector('[data-testid=table] table');
    if (table) {
      const name = cell.dataset.name ? `<p class="meta">${escapeHtml(cell.dataset.name)} — ${escapeHtml(cell.querySelector('[data-testid=table] footer span')?.textContent ?? '')}</p>` : '';
      parts.push(`${name}${table.outerHTML}`);
    }
  }
  const body = DOMPurify.sanitize(parts.join('\n'), { USE_PROFILES: { html: true, svg: true, mathMl: true } });
  return `<!doctype html>
<html lang="${escapeHtml(document.documentElement.lang || 'en')}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><p class="meta">Tierbook report — ${escapeHtml(now.toISOString().slice(0, 16).replace('T', ' '))} UTC — computed in the browser; no data left it.</p>
${body}
</body></html>`;
}
