/**
 * Markdown → sanitised HTML, with `$…$` and `$$…$$` math left as placeholders that KaTeX fills
 * in after a lazy import (KaTeX is not in the main bundle).
 *
 * @example
 *   renderMarkdown('Recency $R_u$ in **days**')
 *   // '<p>Recency <span class="math" data-tex="R_u"></span> in <strong>days</strong></p>'
 */
import { marked } from 'marked';
import DOMPurify from 'dompurify';


function escapeAttribute(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function renderMarkdown(source: string): string {
  const math: string[] = [];
  // Keep code spans and fences away from the math pass.
  const protectedSource = source.replace(/(```[\s\S]*?```|`[^`\n]*`)|\$\$([\s\S]+?)\$\$|(?<![\\$\w])\$(?!\s)((?:\\\$|[^$\n])+?)(?<!\s)\$(?!\w)/g, (all, code, display, inline) => {
    if (code) return code;
    const i = math.push(display !== undefined ? `D${display}` : `I${inline}`) - 1;
    return `\u0000MATH${i}\u0000`;
  });
  let html = marked.parse(protectedSource, { async: false, gfm: true }) as string;
  html = html.replace(/\u0000MATH(\d+)\u0000/g, (_, i) => {
    const m = math[Number(i)];
    const display = m[0] === 'D';
    return `<span class="math${display ? ' display' : ''}" data-tex="${escapeAttribute(m.slice(1).trim())}"></span>`;
  });
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true } });
}

/** Typeset every math placeholder under `root` (KaTeX is loaded on first use). */
export async function typeset(root: HTMLElement): Promise<void> {
  const spans = root.querySelectorAll<HTMLElement>('span.math[data-tex]');
  if (spans.length === 0) return;
  const [{ default: katex }] = await Promise.all([import('katex'), import('katex/dist/katex.min.css')]);
  for (const span of spans) {
    try {
      katex.render(span.dataset.tex ?? '', span, { displayMode: span.classList.contains('display'), throwOnError: false, trust: false });
    } catch {
      span.textContent = span.dataset.tex ?? '';
    }
  }
}

