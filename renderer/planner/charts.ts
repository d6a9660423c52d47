import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, LogarithmicScale, PointElement, Tooltip,
  type ChartConfiguration, type Plugin,
} from 'chart.js';
import type { Sensitivity } from '../../shared/planner/sensitivity';
import { formatMultiplier, type Sweep } from '../../shared/planner/sweep';
import { formatMs, formatUsd } from '../../shared/units';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, CategoryScale, BarController, BarElement, Tooltip, Legend);

const PALETTE = ['#2563eb', '#7c3aed', '#0891b2', '#db2777', '#65a30d', '#ea580c'];
const COST_COLOUR = '#16a34a';
const KNEE_COLOUR = '#dc2626';

/** A marker drawn over the chart: a dashed vertical line at a load multiplier, with its text. */
interface KneeMark {
  multiplier: number;
  text: string;
}

/** Draws the knees as dashed vertical lines, through Chart.js's plugin hooks. */
const kneePlugin: Plugin<'line'> = {
  id: 'knees',
  afterDatasetsDraw(chart, _args, options) {
    const marks = (options as { marks?: KneeMark[] }).marks ?? [];
    const { ctx, chartArea, scales } = chart;
    ctx.save();
    marks.forEach((mark, i) => {
      const x = scales.x!.getPixelForValue(mark.multiplier);
      if (!(x >= chartArea.left && x <= chartArea.right)) return;
      ctx.strokeStyle = KNEE_COLOUR;
      ctx.setLineDash([5, 4]);
      ctx.beginPath();
      ctx.moveTo(x, chartArea.top);
      ctx.lineTo(x, chartArea.bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = KNEE_COLOUR;
      ctx.font = '12px system-ui, sans-serif';
      const width = ctx.measureText(mark.text).width;
      ctx.fillText(mark.text, Math.min(x + 4, chartArea.right - width), chartArea.top + 14 + i * 16);
    });
    ctx.restore();
  },
};

/** The sweep as a Chart.js line chart: each entry's p99 and the monthly cost against the load, both on log scales, knees marked. */
export function sweepChartConfig(sweep: Sweep, entryLabels: ReadonlyMap<string, string>, p99BudgetMs?: number): ChartConfiguration<'line'> {
  const entries = sweep.points[0]?.entries.map((e) => e.node) ?? [];
  const named: [string, Sweep['saturation'] | undefined][] = [['saturates', sweep.saturation], ['p99 budget', sweep.p99Budget], ['cost budget', sweep.costBudget]];
  const marks: KneeMark[] = named
    .filter(([, k]) => k !== undefined && k.multiplier !== null)
    .map(([name, k]) => ({ multiplier: k!.multiplier!, text: `${name} ${formatMultiplier(k!.multiplier!)}` }));
  return {
    type: 'line',
    data: {
      datasets: [
        ...entries.map((id, i) => ({
          label: `p99 from ${entryLabels.get(id) ?? id}`,
          data: sweep.points.map((p) => ({ x: p.multiplier, y: p.entries[i]?.p99Ms ?? Number.NaN })),
          borderColor: PALETTE[i % PALETTE.length],
          backgroundColor: PALETTE[i % PALETTE.length],
          yAxisID: 'p99',
          pointRadius: 0,
          spanGaps: false,
        })),
        ...(p99BudgetMs === undefined ? [] : [{
          label: 'p99 budget',
          data: [{ x: sweep.points[0]?.multiplier ?? 0.1, y: p99BudgetMs }, { x: sweep.points.at(-1)?.multiplier ?? 100, y: p99BudgetMs }],
          borderColor: KNEE_COLOUR,
          backgroundColor: KNEE_COLOUR,
          borderWidth: 1,
          borderDash: [2, 3],
          yAxisID: 'p99',
          pointRadius: 0,
        }]),
        {
          label: 'Monthly cost',
          data: sweep.points.map((p) => ({ x: p.multiplier, y: p.costUsdPerMonth })),
          borderColor: COST_COLOUR,
          backgroundColor: COST_COLOUR,
          borderDash: [6, 3],
          yAxisID: 'cost',
          pointRadius: 0,
        },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { type: 'logarithmic', title: { display: true, text: 'load (x today\'s traffic)' }, ticks: { autoSkip: false, callback: (v) => (ROUND_MULTIPLIERS.has(Number(Number(v).toPrecision(3))) ? formatMultiplier(Number(v)) : '') } },
        // Linear from 0, topped a little above the budget (or the p99 at low load): near saturation p99 climbs off the chart.
        p99: { type: 'linear', position: 'left', min: 0, max: p99AxisMaxMs(sweep, p99BudgetMs), title: { display: true, text: 'p99' }, ticks: { callback: (v) => formatMs(Number(v)) } },
        cost: { type: 'logarithmic', position: 'right', title: { display: true, text: 'cost per month' }, grid: { drawOnChartArea: false }, ticks: { callback: (v) => formatUsd(Number(v)) } },
      },
      plugins: {
        tooltip: {
          callbacks: {
            title: (items) => `${formatMultiplier(items[0]?.parsed.x ?? 1)} load`,
            label: (item) => `${item.dataset.label}: ${item.dataset.yAxisID === 'cost' ? `${formatUsd(item.parsed.y ?? 0)}/mo` : Number.isFinite(item.parsed.y) ? formatMs(item.parsed.y) : 'unbounded'}`,
          },
        },
        ...({ knees: { marks } } as object),
      },
    },
    plugins: [kneePlugin],
  };
}

/** The multipliers the load axis labels: 1-2-5 steps. */
const ROUND_MULTIPLIERS = new Set([0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]);

function p99AxisMaxMs(sweep: Sweep, budgetMs: number | undefined): number | undefined {
  const low = sweep.points.find((p) => p.worstP99Ms !== null)?.worstP99Ms;
  const candidates = [budgetMs === undefined ? undefined : budgetMs * 1.5, low === undefined || low === null ? undefined : low * 3].filter((v) => v !== undefined && v > 0);
  return candidates.length === 0 ? undefined : Math.max(...(candidates as number[]));
}

/** How many inputs a tornado shows: the ones that matter most. */
export const TORNADO_ROWS = 12;

/**
 * The sensitivity as a tornado: for each input, a floating bar from the
 * figure's change at -range to its change at +range, the largest on top. A
 * move that saturates the design is drawn to the chart's edge.
 */
export function tornadoConfig(result: Sensitivity, metric: 'p99' | 'cost'): ChartConfiguration<'bar'> {
  const rows = (metric === 'p99' ? result.byP99 : result.byCost).filter((e) => (metric === 'p99' ? e.p99EffectMs : e.costEffectUsd) > 0).slice(0, TORNADO_ROWS);
  const base = metric === 'p99' ? (result.base.worstP99Ms ?? Number.NaN) : result.base.costUsdPerMonth;
  const change = (value: number | null) => (value === null ? Infinity : value - base);
  const finite = rows.flatMap((e) => (metric === 'p99' ? [change(e.low.worstP99Ms), change(e.high.worstP99Ms)] : [e.low.costUsdPerMonth - base, e.high.costUsdPerMonth - base])).filter(Number.isFinite);
  // A move that saturates the design draws to the edge: past the largest finite change or, where every change is 0 (a held fleet), today's figure.
  const largest = Math.max(0, ...finite.map(Math.abs));
  const edge = (largest > 0 ? largest : Number.isFinite(base) && base > 0 ? base : 1) * 1.2;
  const saturates = (e: (typeof rows)[number]) => metric === 'p99' && (e.low.worstP99Ms === null || e.high.worstP99Ms === null);
  const clip = (v: number) => (Number.isFinite(v) ? v : edge);
  const bar = (low: number, high: number): [number, number] => [Math.min(clip(low), clip(high), 0), Math.max(clip(low), clip(high), 0)];
  const format = (v: number) => (metric === 'p99' ? `${v >= 0 ? '+' : ''}${formatMs(v)}` : `${v >= 0 ? '+' : '-'}${formatUsd(Math.abs(v))}/mo`);
  const pct = Math.round(result.range * 100);
  return {
    type: 'bar',
    data: {
      labels: rows.map((e) => e.label),
      datasets: [
        {
          label: `change of ${metric === 'p99' ? 'worst p99' : 'monthly cost'} with the input -${pct}% / +${pct}%`,
          data: rows.map((e) => (metric === 'p99' ? bar(change(e.low.worstP99Ms), change(e.high.worstP99Ms)) : bar(e.low.costUsdPerMonth - base, e.high.costUsdPerMonth - base))),
          backgroundColor: rows.map((e) => (saturates(e) ? KNEE_COLOUR : metric === 'p99' ? '#2563eb' : COST_COLOUR)),
        },
      ],
    },
    options: {
      indexAxis: 'y',
      animation: false,
      maintainAspectRatio: false,
      scales: { x: { ticks: { callback: (v) => format(Number(v)) } } },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item) => {
              const e = rows[item.dataIndex]!;
              const low = metric === 'p99' ? change(e.low.worstP99Ms) : e.low.costUsdPerMonth - base;
              const high = metric === 'p99' ? change(e.high.worstP99Ms) : e.high.costUsdPerMonth - base;
              const text = (v: number) => (Number.isFinite(v) ? format(v) : 'saturates');
              return `-${pct}%: ${text(low)}, +${pct}%: ${text(high)}`;
            },
          },
        },
      },
    },
  };
}

export { Chart };
