/**
 * Cumulative regret of bandit policies over rounds, one line per policy.
 */
import * as Plot from '@observablehq/plot';
import type { Table } from 'apache-arrow';
import { floats, strings } from '../core/table';
import { CATEGORICAL } from './palette';
import { formatCount } from './format';
import { frame, MARGIN_BOTTOM, requireColumns, X_LABEL, Y_LABEL, type ChartOptions } from './theme';
import { chartLabel, chartText, joinSentences } from './locale';

/**
 * Lines of mean cumulative regret (expected conversions lost against always showing the best arm) by
 * round, coloured by policy, each labelled at its end. Input: `banditSimulation(...).curves`
 * (policy, round, regret). Defaults: width 640, height 340.
 * @example regretCurves(banditSimulation([0.02, 0.05]).curves, { document })
 */
export function regretCurves(curves: Table, opts: ChartOptions = {}): SVGSVGElement | HTMLElement {
  requireColumns(curves, ['policy', 'round', 'regret'], 'regretCurves');
  const policy = strings(curves, 'policy').map((p) => p ?? '');
  const round = floats(curves, 'round');
  const regret = floats(curves, 'regret');
  const data = policy.map((p, i) => ({ policy: p, round: round[i], regret: regret[i] }));
  const policies = [...new Set(policy)];
  const last = policies.map((p) => data.filter((d) => d.policy === p).at(-1)!);
  return Plot.plot({
    ...frame(opts, 'regretCurves', {
      height: 340,
      title: chartText('regret.title'),
      subtitle: chartText('regret.subtitle'),
      ariaLabel: chartText('regret.ariaLabel'),
      ariaDescription: joinSentences(last.map((d) => chartText('regret.ariaItem', { policy: chartLabel(d.policy), regret: d.regret.toFixed(1), rounds: formatCount(d.round) }))),
    }),
    marginLeft: 56,
    marginRight: 110,
    marginBottom: MARGIN_BOTTOM,
    x: { label: chartText('regret.x'), ...X_LABEL, grid: true },
    y: { label: chartText('regret.y'), ...Y_LABEL, grid: true, zero: true },
    color: { domain: policies, range: CATEGORICAL.slice(0, policies.length) as string[] },
    marks: [
      Plot.line(data, { x: 'round', y: 'regret', stroke: 'policy', strokeWidth: 2, className: 'regret' }),
      Plot.text(last, { x: 'round', y: 'regret', text: (d: { policy: string }) => chartLabel(d.policy), fill: 'policy', textAnchor: 'start', dx: 6 }),
      Plot.ruleY([0]),
    ],
  });
}
