/**
 * Serialise a chart (an SVG, or a Plot figure wrapping one or more SVGs with a title and legend)
 * into one standalone SVG document — what the runner writes and the UI downloads.
 *
 * @example
 *   figureToSvg(probabilityHistogram(bins, { threshold: 0.5 })) // '<svg xmlns="http://www.w3.org/2000/svg" …'
 */
const SVG_NS = 'http://www.w3.org/2000/svg';

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function withNamespace(svg: string): string {
  return svg.includes('xmlns=') ? svg : svg.replace(/^<svg/, `<svg xmlns="${SVG_NS}"`);
}

export function figureToSvg(element: Element): string {
  if (element.tagName.toLowerCase() === 'svg') return withNamespace(element.outerHTML);
  const svgs = [...element.querySelectorAll('svg')].filter((s) => !s.parentElement?.closest('svg'));
  const titles = [...element.querySelectorAll('h2, h3, figcaption')].map((e) => e.textContent?.trim() ?? '').filter(Boolean);
  const parts: string[] = [];
  let y = 0;
  let width = 0;
  for (const t of titles.slice(0, 1)) {
    parts.push(`<text x="0" y="${y + 16}" font-family="sans-serif" font-size="15" font-weight="600">${escapeXml(t)}</text>`);
    y += 26;
  }
  for (const svg of svgs) {
    const w = Number(svg.getAttribute('width')) || 640;
    const h = Number(svg.getAttribute('height')) || 400;
    const inner = svg.outerHTML.replace(/^<svg/, `<svg x="0" y="${y}"`);
    parts.push(inner);
    y += h + 8;
    width = Math.max(width, w);
  }
  return `<svg xmlns="${SVG_NS}" width="${width || 640}" height="${Math.max(y, 1)}" viewBox="0 0 ${width || 640} ${Math.max(y, 1)}">${parts.join('')}</svg>`;
}
