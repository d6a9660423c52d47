import type { Estimate } from '../../../shared/estimator/output';
import { edgeRates } from '../../../shared/estimator/edgeRates';
import { useApp } from '../../app/AppContext';
import { useEditor } from '../../state/store';
import { DiagramInspector } from './DiagramInspector';
import { EdgeInspector } from './EdgeInspector';
import { NodeInspector } from './NodeInspector';
import { SelectionActions } from './SelectionActions';

/** The right-hand panel: the selected node or edge, or the diagram when nothing is selected. */
export function Inspector({ estimate }: { estimate: Estimate | null }) {
  const { store } = useApp();
  const doc = useEditor(store, (s) => s.doc);
  const selection = useEditor(store, (s) => s.selection);
  const count = selection.nodes.length + selection.edges.length;
  if (count > 1) return <SelectionActions nodes={selection.nodes.length} edges={selection.edges.length} />;
  const node = doc.nodes.find((n) => n.id === selection.nodes[0]);
  if (node) return <NodeInspector key={node.id} node={node} figures={estimate?.nodes.find((n) => n.id === node.id)} />;
  const edge = doc.edges.find((e) => e.id === selection.edges[0]);
  if (edge) return <EdgeInspector key={edge.id} edge={edge} peakQps={estimate ? edgeRates(doc, estimate).get(edge.id)?.peak : undefined} figures={estimate?.calls?.find((c) => c.edge === edge.id)} />;
  return <DiagramInspector />;
}
