/** Class on the nodes and edges of the p99 breakdown while it is shown. */
export const CRITICAL_CLASS = 'critical-path';

/** Adds the critical-path class to the flow nodes or edges whose id is listed; the others are returned as they are. */
export function markCritical<T extends { id: string; className?: string }>(items: T[], ids: readonly string[] | undefined): T[] {
  if (!ids || ids.length === 0) return items;
  const on = new Set(ids);
  return items.map((item) => (on.has(item.id) ? { ...item, className: item.className ? `${item.className} ${CRITICAL_CLASS}` : CRITICAL_CLASS } : item));
}
