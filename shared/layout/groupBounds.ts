import type { Diagram } from '../model/schema';
import { highest, lowest } from '../numbers';
import { nodeSize } from './sizes';

/** Space between a group's border and its members, px; the top holds the group's title. */
export const GROUP_PADDING = { top: 40, side: 24, bottom: 24 };

export interface GroupBox {
  id: string;
  label: string;
  members: string[];
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The nodes of each group, by group id, in one pass (a large diagram has many groups); ungrouped nodes are left out. */
export function nodesByGroup<N extends { group?: string }>(nodes: readonly N[]): Map<string, N[]> {
  const byGroup = new Map<string, N[]>();
  for (const n of nodes) {
    if (n.group === undefined) continue;
    const list = byGroup.get(n.group);
    if (list) list.push(n);
    else byGroup.set(n.group, [n]);
  }
  return byGroup;
}

/** The box of each group around its placed members (groups with none are left out). */
export function groupBoxes(diagram: Pick<Diagram, 'nodes' | 'groups'>): GroupBox[] {
  const placed = nodesByGroup(diagram.nodes.filter((n) => n.position));
  return (diagram.groups ?? []).flatMap((group) => {
    const members = placed.get(group.id) ?? [];
    if (members.length === 0) return [];
    const xs = members.map((n) => n.position!.x);
    const ys = members.map((n) => n.position!.y);
    const rights = members.map((n) => n.position!.x + nodeSize(n.label).width);
    const bottoms = members.map((n) => n.position!.y + nodeSize(n.label).height);
    const x = lowest(xs) - GROUP_PADDING.side;
    const y = lowest(ys) - GROUP_PADDING.top;
    return [{
      id: group.id,
      label: group.label,
      members: members.map((m) => m.id),
      x,
      y,
      width: highest(rights) + GROUP_PADDING.side - x,
      height: highest(bottoms) + GROUP_PADDING.bottom - y,
    }];
  });
}
