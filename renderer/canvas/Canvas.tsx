import {
  Background, BackgroundVariant, ConnectionMode, Controls, MarkerType, ReactFlow,
  type Connection, type EdgeChange, type Node, type NodeChange, type ReactFlowInstance,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Estimate } from '../../shared/estimator/output';
import { findKind } from '../../shared/kinds';
import { useApp } from '../app/AppContext';
import { connectionProblem, moveNodes } from '../state/commands';
import { useEditor } from '../state/store';
import { AnnotationNode } from './AnnotationNode';
import { ComponentNode } from './ComponentNode';
import { FlowEdge } from './FlowEdge';
import { GroupNode } from './GroupNode';
import { markCritical } from './criticalPath';
import { MinimapButton, PlacedMiniMap } from './PlacedMiniMap';
import { annotationIdOf, flowEdges, flowNodes, type GroupData } from './toFlow';
import { connectFromCanvas } from './connecting';
import { placeNode } from './placing';
import { ScenarioBar } from '../scenarios/ScenarioBar';
import { TrafficBanner } from './TrafficBanner';
import { useCanvasEditing } from './useCanvasEditing';
import { useEdgeGeometry } from './useEdgeGeometry';
import { showOpeningView } from './showOpeningView';
import { LiveLayer } from '../live/LiveLayer';
import './editing.css';

const nodeTypes = { component: ComponentNode, group: GroupNode, annotation: AnnotationNode };
const edgeTypes = { flow: FlowEdge };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } };

/** MIME type of a kind dragged from the palette. */
export const KIND_DRAG_TYPE = 'application/x-mlsd-kind';

/** The diagram canvas: React Flow bound to the editor store, with live figures on nodes and edges. */
export function Canvas({ estimate }: { estimate: Estimate | null }) {
  const ctx = useApp();
  const { store } = ctx;
  const doc = useEditor(store, (s) => s.doc);
  const selection = useEditor(store, (s) => s.selection);
  const theme = useEditor(store, (s) => s.theme);
  const minimap = useEditor(store, (s) => s.panels.minimap);
  const critical = useEditor(store, (s) => s.criticalPath);
  const nodes = useMemo(() => markCritical(flowNodes(doc, estimate, selection), critical?.nodes), [doc, estimate, selection, critical]);
  // Routes depend on nodes and edges only: an edit elsewhere (title, budgets, notes) keeps them.
  const geometry = useEdgeGeometry(doc.nodes, doc.edges);
  const edges = useMemo(() => markCritical(flowEdges(doc, estimate, selection, geometry), critical?.edges), [doc, estimate, selection, geometry, critical]);
  const dragStart = useRef<{ x: number; y: number } | null>(null);
  const editing = useCanvasEditing();

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const moves = changes.filter((c) => c.type === 'position' && c.position && !c.id.startsWith('group:'));
      if (moves.length > 0) {
        store.gesture((draft) => {
          for (const change of moves) {
            if (change.type !== 'position' || !change.position) continue;
            const annotationId = annotationIdOf(change.id);
            const node = annotationId === null ? draft.nodes.find((n) => n.id === change.id) : draft.annotations?.find((a) => a.id === annotationId);
            if (node) node.position = { x: Math.round(change.position.x), y: Math.round(change.position.y) };
          }
        });
      }
      if (changes.some((c) => c.type === 'position' && c.dragging === false)) store.endGesture('Move');
      applySelection(changes, 'nodes');
    },
    [store],
  );

  const onEdgesChange = useCallback((changes: EdgeChange[]) => applySelection(changes, 'edges'), [store]);

  // Selection lives in the store; React Flow reports clicks and box selection as changes.
  const applySelection = (changes: (NodeChange | EdgeChange)[], key: 'nodes' | 'edges') => {
    const selects = changes.filter((c) => c.type === 'select' && !c.id.startsWith('group:'));
    if (selects.length === 0) return;
    const current = store.getState().selection;
    const ids = new Set(current[key]);
    const notes = new Set(current.annotations);
    for (const change of selects) {
      if (change.type !== 'select') continue;
      const annotationId = annotationIdOf(change.id);
      const set = annotationId === null ? ids : notes;
      if (change.selected) set.add(annotationId ?? change.id);
      else set.delete(annotationId ?? change.id);
    }
    const next = [...ids];
    const nextNotes = [...notes];
    if (next.join() !== current[key].join() || nextNotes.join() !== (current.annotations ?? []).join()) {
      store.set({ selection: { ...current, [key]: next, annotations: nextNotes } });
    }
  };

  const isValidConnection = useCallback(
    (c: Connection | { source: string; target: string }) => connectionProblem(store.getState().doc, c.source, c.target) === null,
    [store],
  );

  // The first view: the document's opening view (whole, or its request path at a readable zoom).
  const onInit = useCallback(
    (flow: ReactFlowInstance) => {
      ctx.setFlow(flow);
      requestAnimationFrame(() => showOpeningView(ctx));
    },
    [ctx],
  );

  // A document arriving on an empty canvas (a shared room, a recovered draft) opens in the same view; a first node placed by hand does not move the view.
  const nodeCount = useRef(doc.nodes.length);
  useEffect(() => {
    if (nodeCount.current === 0 && doc.nodes.length > 1) requestAnimationFrame(() => showOpeningView(ctx));
    nodeCount.current = doc.nodes.length;
  }, [ctx, doc.nodes.length]);

  const onConnect = useCallback((c: Connection) => connectFromCanvas(store, c.source, c.target), [store]);

  // Dragging a group moves its members with it, as one step.
  const onNodeDragStart = useCallback((_: unknown, node: Node) => {
    dragStart.current = node.id.startsWith('group:') ? { ...node.position } : null;
  }, []);
  const onNodeDrag = useCallback(
    (_: unknown, node: Node) => {
      const start = dragStart.current;
      if (!start || !node.id.startsWith('group:')) return;
      const dx = Math.round(node.position.x - start.x);
      const dy = Math.round(node.position.y - start.y);
      if (dx === 0 && dy === 0) return;
      dragStart.current = { x: start.x + dx, y: start.y + dy };
      store.gesture((draft) => moveNodes(draft, (node.data as GroupData).members, dx, dy));
    },
    [store],
  );
  const onNodeDragStop = useCallback(() => {
    dragStart.current = null;
    store.endGesture('Move');
  }, [store]);

  const onDragOver = useCallback((event: React.DragEvent) => {
    if (event.dataTransfer.types.includes(KIND_DRAG_TYPE)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  }, []);
  const onDrop = useCallback(
    (event: React.DragEvent) => {
      const kind = event.dataTransfer.getData(KIND_DRAG_TYPE);
      if (!kind || !findKind(kind)) return;
      event.preventDefault();
      placeNode(store, kind, ctx.flow()?.screenToFlowPosition({ x: event.clientX, y: event.clientY }) ?? { x: 0, y: 0 });
    },
    [ctx, store],
  );

  return (
    <div className="canvas" data-testid="canvas">
      <ReactFlow
        {...editing.props}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onInit={onInit}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onNodeDragStart={onNodeDragStart}
        onNodeDrag={onNodeDrag}
        onNodeDragStop={onNodeDragStop}
        onDragOver={onDragOver}
        onDrop={onDrop}
        connectionMode={ConnectionMode.Strict}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        selectionOnDrag
        panOnDrag={[1, 2]}
        panOnScroll
        zoomOnPinch
        snapToGrid
        snapGrid={[8, 8]}
        minZoom={0.1}
        maxZoom={2.5}
        colorMode={theme}
        proOptions={{ hideAttribution: true }}
      >
        <Background variant={BackgroundVariant.Dots} gap={16} size={1} />
        {minimap && <PlacedMiniMap />}
        <Controls showInteractive={false}><MinimapButton /></Controls>
        <LiveLayer />
      </ReactFlow>
      <ScenarioBar />
      <TrafficBanner />
      {editing.overlay}
    </div>
  );
}
