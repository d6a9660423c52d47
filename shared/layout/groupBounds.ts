import type { Diagram } from '../model/schema';
import { NODE_HEIGHT, NODE_WIDTH } from './elkGraph';
import { highest, lowest } from '../numbers';

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

/** The box of each group around its placed members (groups with none are left out). */
export function groupBoxes(diagram: Pick<Diagram, 'nodes' | 'groups'>): GroupBox[] {
  const byGroup = new Map<string, Diagram['nodes']>();
  for (const node of diagram.nodes) {
    if (node.group === undefined || !node.position) continue;
    const list = byGroup.get(node.group);
    if (list) list.push(node);
    else byGroup.set(node.group, [node]);
  }
  return (diagram.groups ?? []).flatMap((group) => {
    const members = byGroup.get(group.id) ?? [];
    if (members.length === 0) return [];
    const xs = members.map((n) => n.position!.x);
    const ys = members.map((n) => n.position!.y);
    const x = lowest(xs) - GROUP_PADDING.side;
    const y = lowest(ys) - GROUP_PADDING.top;
    return [{
      id: group.id,
      label: group.label,
      members: members.map((m) => m.id),
      x,
      y,
      width: highest(xs) + NODE_WIDTH + GROUP_PADDING.side - x,
      height: highest(ys) + NODE_HEIGHT + GROUP_PADDING.bottom - y,
    }];
  });
}
