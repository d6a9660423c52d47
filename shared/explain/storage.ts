import { instancePrice, storageClassPrice } from '../catalog';
import { HOURS_PER_MONTH } from '../estimator/storage';
import { findKind } from '../kinds';
import { num, op, type Term, type Unit } from './expression';
import { checkedDerivation, figureTerm, quoted, replicasLabel, type ExplainContext } from './context';
import { noDerivation, type Derivation, type Step } from './figures';

const FIELD_UNITS: Record<string, Unit> = { bytes: 'bytes', count: 'count' };

/** A parameter's label after its number: "vectors", and for a byte size "per dimension" rather than "B bytes per dimension". */
function fieldLabel(label: string, unit: string): string {
  const lower = label.toLowerCase();
  return unit === 'bytes' ? lower.replace(/^bytes /, '') : lower;
}

/** The storage formula with its inputs: bytes given, items x bytes x replication / compression, or the kind's parameters multiplied. */
function storageTerm(ctx: ExplainContext, id: string): Term | string {
  const node = ctx.node(id)!;
  const at = ctx.at(id);
  const s = node.storage;
  if (s) {
    const path = (key: string) => ({ path: `${at}.storage.${key}` });
    if (s.bytes !== undefined) return num(s.bytes, 'bytes', 'given', path('bytes'));
    const parts: Term[] = [];
    if (s.items !== undefined) parts.push(num(s.items, 'count', 'items', path('items')));
    if (s.growthItemsPerDay !== undefined) {
      const perDay =
        s.growthItemsPerDay === 'traffic'
          ? op('x', figureTerm(ctx.figures(id)!.qps.avg, 'qps', 'avg', id, 'avgQps'), num(86_400, 'number', 's/day'))
          : num(s.growthItemsPerDay, 'count', 'items/day', path('growthItemsPerDay'));
      parts.push(op('x', perDay, num(s.retentionDays ?? 0, 'number', 'days kept', path('retentionDays'))));
    }
    const factors: Term[] = [];
    if (s.replication !== undefined) factors.push(num(s.replication, 'number', 'replication', path('replication')));
    factors.push(num(s.bytesPerItem ?? 0, 'bytes', 'per item', path('bytesPerItem')));
    factors.push(parts.length === 0 ? num(0, 'count', 'items') : op('+', ...parts));
    const product = op('x', ...factors);
    return s.compression === undefined ? product : op('/', product, num(s.compression, 'number', 'compression', path('compression')));
  }
  const kind = findKind(node.kind);
  if (!kind?.params || !node.params) return 'Holds no data: no storage block and no parameters to derive it from.';
  const params = node.params as Record<string, number>;
  return op('x', ...kind.params.fields.map((f) => num(params[f.key] ?? 0, FIELD_UNITS[f.unit] ?? 'number', fieldLabel(f.label, f.unit), { path: `${at}.params.${f.key}` })));
}

/**
 * Bytes a node holds: `storage.bytes`, else replication x bytes per item x
 * (items + growth a day x days kept) / compression, else its kind's
 * parameters multiplied together (vectors x dimensions x bytes x overhead).
 */
export function explainStorage(ctx: ExplainContext, id: string): Derivation {
  const figure = { node: id, figure: 'storage' } as const;
  const title = `Storage of ${quoted(ctx, id)}`;
  const bytes = ctx.figures(id)?.storageBytes;
  if (!ctx.node(id) || bytes === undefined) return noDerivation(figure, title, null, 'bytes', 'No such node in the estimate.');
  const term = storageTerm(ctx, id);
  if (typeof term === 'string') return noDerivation(figure, title, bytes, 'bytes', term);
  return checkedDerivation(figure, title, bytes, 'bytes', [{ name: 'Data held', result: num(bytes, 'bytes'), expr: term }]);
}

/**
 * Monthly cost: compute is instances x hourly price x 730 h (one instance
 * where the node has no capacity block; under a daily wave, the day's
 * replica-hours x hourly price x 730/24 days), storage is GB x price per
 * GB-month; each price from the node's override or the catalog.
 */
export function explainCost(ctx: ExplainContext, id: string): Derivation {
  const figure = { node: id, figure: 'cost' } as const;
  const title = `Monthly cost of ${quoted(ctx, id)}`;
  const node = ctx.node(id);
  const figures = ctx.figures(id);
  if (!node || !figures) return noDerivation(figure, title, null, 'usd', 'No such node in the estimate.');
  const at = `${ctx.at(id)}.cost`;
  const c = node.cost;
  const hourly =
    c?.hourlyUsd !== undefined ? num(c.hourlyUsd, 'usd', 'per hour', { path: `${at}.hourlyUsd` })
    : c?.instance !== undefined && instancePrice(ctx.catalog, c.instance) ? num(instancePrice(ctx.catalog, c.instance)!.hourlyUsd, 'usd', `per hour on ${c.instance}`, { path: `${at}.instance` })
    : undefined;
  const perGb =
    c?.gbMonthUsd !== undefined ? num(c.gbMonthUsd, 'usd', 'per GB-month', { path: `${at}.gbMonthUsd` })
    : c?.storageClass !== undefined && storageClassPrice(ctx.catalog, c.storageClass) ? num(storageClassPrice(ctx.catalog, c.storageClass)!.gbMonthUsd, 'usd', `per GB-month in ${c.storageClass}`, { path: `${at}.storageClass` })
    : undefined;
  const { compute, storage, total } = figures.costUsdPerMonth;
  const steps: Step[] = [];
  if (hourly) {
    const instances = figures.replicas !== null ? figureTerm(figures.replicas, 'number', replicasLabel(figures.replicas), id, 'replicas') : num(1, 'number', 'instance');
    // Under a daily wave the pool autoscales: compute is paid for the replica-hours the day uses, not peak replicas around the clock.
    const expr = figures.day
      ? op('x', num(figures.day.replicaHours, 'number', 'replica-hours a day'), hourly, num(HOURS_PER_MONTH / 24, 'number', 'days/mo'))
      : op('x', instances, hourly, num(HOURS_PER_MONTH, 'number', 'h/mo'));
    steps.push({ name: 'Compute', result: num(compute, 'usd', 'per month'), expr });
  }
  if (perGb) {
    const gb = op('/', figureTerm(figures.storageBytes, 'bytes', '', id, 'storage'), num(1e9, 'number', 'B/GB'));
    steps.push({ name: 'Storage', result: num(storage, 'usd', 'per month'), expr: op('x', gb, perGb) });
  }
  if (steps.length === 0) return noDerivation(figure, title, total, 'usd', 'No price: the node names no instance type or storage class the catalog lists, and no price of its own.');
  if (steps.length === 2) {
    steps.push({ name: 'Total', result: num(total, 'usd', 'per month'), expr: op('+', num(compute, 'usd', 'compute'), num(storage, 'usd', 'storage')) });
  }
  return checkedDerivation(figure, title, total, 'usd', steps);
}
