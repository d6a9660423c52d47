/** Three significant digits, without trailing zeros: 1.23, 12.3, 123. */
export function significant(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '-∞' : '—';
  if (value === 0) return '0';
  const rounded = Number(value.toPrecision(digits));
  return Math.abs(rounded) >= 10 ** digits ? Math.round(rounded).toString() : String(rounded);
}

/** Scales a value by 1000s to the largest prefix below it: (12_300, ['', 'k']) -> "12.3k". */
function scaledBy1000(value: number, prefixes: readonly string[], separator: string): string {
  let scaled = value;
  let step = 0;
  while (Math.abs(scaled) >= 999.5 && step < prefixes.length - 1) {
    scaled /= 1000;
    step++;
  }
  return `${significant(scaled)}${separator}${prefixes[step]}`;
}

/** Requests per second: "850 QPS", "1.2k QPS", "23.1M QPS". */
export function formatQps(qps: number): string {
  return `${scaledBy1000(qps, ['', 'k', 'M', 'B', 'T'], '')} QPS`;
}

/** Bytes in decimal units: "512 B", "3.4 TB". */
export function formatBytes(bytes: number): string {
  return scaledBy1000(bytes, ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB'], ' ');
}

/** US dollars: "$950", "$12.3k", "$4.1M". */
export function formatUsd(usd: number): string {
  return `$${scaledBy1000(usd, ['', 'k', 'M', 'B'], '')}`;
}

/** Milliseconds, switching to seconds from 1000 ms: "0.54 ms", "25 ms", "1.2 s"; null is unbounded. */
export function formatMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '∞';
  return ms >= 999.5 ? `${significant(ms / 1000)} s` : `${significant(ms)} ms`;
}

/**
 * A latency in a table or headline: "—" off every request path (a node or
 * entry reached only by offline edges, whose latency is all zero; pass
 * `onPath` from the mean for a quantile of the same distribution), "∞" where
 * it is unbounded (null), else as `formatMs`.
 */
export function formatLatencyMs(ms: number | null, onPath = ms !== 0): string {
  return onPath ? formatMs(ms) : '—';
}

/** A share as a percentage: 0.754 -> "75%". */
export function formatPercent(share: number): string {
  return `${significant(share * 100, share < 0.1 ? 2 : 3)}%`;
}
