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

/** The box of each group around its placed members (groups with none are left out). */
export function groupBoxes(diagram: Pick<Diagram, 'nodes' | 'groups'>): GroupBox[] {
  return (diagram.groups ?? []).flatMap((group) => {
    const members = diagram.nodes.filter((n) => n.group === group.id && n.position);
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
