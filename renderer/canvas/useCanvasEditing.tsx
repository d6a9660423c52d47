import type { FinalConnectionState, Node, OnConnectEnd, OnReconnect, ReactFlowProps } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppContext } from '../app/context';
import { isTyping } from '../actions/keys';
import { useApp } from '../app/AppContext';
import type { EditorStore } from '../state/store';
import { explainRefusal, reconnectFromCanvas } from './connecting';
import { ContextMenu, type MenuItem } from './ContextMenu';
import { InlineRename } from './InlineRename';
import { placeNode } from './placing';
import { QuickPicker } from './QuickPicker';
import { annotationIdOf, type GroupData } from './toFlow';

/** A point inside the canvas element, px from its top left corner. */
interface CanvasPoint {
  x: number;
  y: number;
}

type Overlay =
  | { type: 'menu'; at: CanvasPoint; label: string; items: readonly MenuItem[] }
  | { type: 'edgeLabel'; at: CanvasPoint; edgeId: string }
  | { type: 'picker'; at: CanvasPoint; screen: CanvasPoint }
  | null;

const NODE_MENU: readonly MenuItem[] = ['edit.cut', 'edit.copy', 'edit.duplicate', 'edit.delete', '-', 'edit.group', 'edit.ungroup', 'view.layoutSelection', '-', 'edit.copyAsPng', 'edit.copyAsSvg'];
const ANNOTATION_MENU: readonly MenuItem[] = ['edit.cut', 'edit.copy', 'edit.duplicate', 'edit.delete'];
const GROUP_MENU: readonly MenuItem[] = ['edit.ungroup', 'view.layoutSelection', '-', 'edit.cut', 'edit.copy', 'edit.duplicate', 'edit.delete'];

const isGroup = (id: string) => id.startsWith('group:');

/** Selects a group: its frame, and its members, so the usual actions (delete, copy, ungroup) apply to it. */
function selectGroup(store: EditorStore, node: Node, extend: boolean): void {
  const members = (node.data as GroupData).members;
  const current = store.getState().selection;
  const nodes = extend ? [...new Set([...current.nodes, ...members])] : members;
  const groups = extend ? [...new Set([...(current.groups ?? []), node.id.slice('group:'.length)])] : [node.id.slice('group:'.length)];
  store.set({ selection: { nodes, edges: extend ? current.edges : [], groups } });
}

/** The node ids a finished drag connected, in call direction, or null when it ended away from a node. */
function draggedPair(state: FinalConnectionState): { source: string; target: string } | null {
  if (!('fromNode' in state) || !state.fromNode || !state.toNode) return null;
  const fromTarget = state.fromHandle?.type === 'target';
  return fromTarget ? { source: state.toNode.id, target: state.fromNode.id } : { source: state.fromNode.id, target: state.toNode.id };
}

function canvasPoint(event: { clientX: number; clientY: number }): CanvasPoint {
  const rect = document.querySelector('.canvas')?.getBoundingClientRect();
  return { x: event.clientX - (rect?.left ?? 0), y: event.clientY - (rect?.top ?? 0) };
}

/** Where a keyboard-opened menu goes: on the first selected node, else the middle of the canvas. */
function selectionPoint(ctx: AppContext): { clientX: number; clientY: number } {
  const { doc, selection } = ctx.store.getState();
  const node = doc.nodes.find((n) => n.id === selection.nodes[0]);
  const flow = ctx.flow();
  if (node?.position && flow) {
    const at = flow.flowToScreenPosition({ x: node.position.x + 40, y: node.position.y + 40 });
    return { clientX: at.x, clientY: at.y };
  }
  const rect = document.querySelector('.canvas')?.getBoundingClientRect();
  return { clientX: (rect?.left ?? 0) + (rect?.width ?? 0) / 2, clientY: (rect?.top ?? 0) + (rect?.height ?? 0) / 2 };
}

/**
 * The canvas's editing gestures, as in draw.io and Excalidraw: a right-click
 * menu (also Shift+F10), dragging an edge end onto another node, double-click
 * an edge to edit its label, double-click empty canvas to add a component by
 * name, click a group's frame to select it, and a reason for every refused
 * connection. Returns the React Flow props and what to draw over the canvas.
 */
export function useCanvasEditing(): { props: Partial<ReactFlowProps>; overlay: React.ReactNode } {
  const ctx = useApp();
  const { store } = ctx;
  const [overlay, setOverlay] = useState<Overlay>(null);
  const reconnecting = useRef(false);
  const close = useCallback(() => setOverlay(null), []);

  const openMenu = useCallback((event: { clientX: number; clientY: number; preventDefault?: () => void }, label: string, items: readonly MenuItem[]) => {
    event.preventDefault?.();
    setOverlay({ type: 'menu', at: canvasPoint(event), label, items });
  }, []);

  const paneMenu = useCallback((event: { clientX: number; clientY: number; preventDefault?: () => void }): void => {
    const at = canvasPoint(event);
    openMenu(event, 'Canvas', [
      'edit.paste',
      { label: 'Add Component…', run: () => setOverlay({ type: 'picker', at, screen: { x: event.clientX, y: event.clientY } }) },
      'edit.addNote', 'edit.addText',
      'edit.selectAll', '-', 'view.autoLayout', 'view.fit', '-', 'edit.undo', 'edit.redo',
    ]);
  }, [openMenu]);

  const edgeMenu = useCallback((event: { clientX: number; clientY: number; preventDefault?: () => void }, edgeId: string) => {
    const at = canvasPoint(event);
    openMenu(event, 'Edge', [{ label: 'Edit Label…', run: () => setOverlay({ type: 'edgeLabel', at, edgeId }) }, 'edit.delete']);
  }, [openMenu]);

  const selectionMenu = useCallback((event: { clientX: number; clientY: number; preventDefault?: () => void }) => {
    const { selection } = store.getState();
    if (selection.groups?.length) openMenu(event, 'Group', GROUP_MENU);
    else if (selection.nodes.length > 0) openMenu(event, selection.nodes.length === 1 ? 'Node' : 'Selection', NODE_MENU);
    else if (selection.edges.length > 0) edgeMenu(event, selection.edges[0]!);
    else paneMenu(event);
  }, [edgeMenu, openMenu, paneMenu, store]);

  // The keyboard's way to the same menu: Shift+F10 or the context-menu key, on the selection.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) || isTyping(event.target) || store.getState().dialog) return;
      event.preventDefault();
      selectionMenu(selectionPoint(ctx));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ctx, selectionMenu, store]);

  const props = useMemo((): Partial<ReactFlowProps> => {
    const onConnectEnd: OnConnectEnd = (_event, state) => {
      const pair = state.isValid === false ? draggedPair(state) : null;
      if (pair) explainRefusal(store, pair.source, pair.target, reconnecting.current ? 'reconnected' : 'connected');
      reconnecting.current = false;
    };
    const onReconnect: OnReconnect = (old, connection) => {
      const edge = store.getState().doc.edges.find((e) => e.id === old.id);
      if (edge) reconnectFromCanvas(store, edge, connection.source, connection.target);
    };
    return {
      zoomOnDoubleClick: false,
      edgesReconnectable: true,
      onConnectEnd,
      onReconnect,
      onReconnectStart: () => void (reconnecting.current = true),
      onNodeClick: (event, node) => {
        if (isGroup(node.id)) selectGroup(store, node, event.shiftKey || event.ctrlKey || event.metaKey);
      },
      onNodeContextMenu: (event, node) => {
        const { selection } = store.getState();
        if (isGroup(node.id)) {
          selectGroup(store, node, false);
          openMenu(event, 'Group', GROUP_MENU);
          return;
        }
        const annotationId = annotationIdOf(node.id);
        if (annotationId !== null) {
          if (!selection.annotations?.includes(annotationId)) store.set({ selection: { nodes: [], edges: [], annotations: [annotationId] } });
          openMenu(event, 'Annotation', ANNOTATION_MENU);
          return;
        }
        if (!selection.nodes.includes(node.id)) store.set({ selection: { nodes: [node.id], edges: [] } });
        openMenu(event, store.getState().selection.nodes.length > 1 ? 'Selection' : 'Node', NODE_MENU);
      },
      onSelectionContextMenu: (event) => openMenu(event, 'Selection', NODE_MENU),
      onEdgeContextMenu: (event, edge) => {
        store.set({ selection: { nodes: [], edges: [edge.id] } });
        edgeMenu(event, edge.id);
      },
      onPaneContextMenu: (event) => paneMenu(event),
      onEdgeDoubleClick: (event, edge) => {
        event.stopPropagation();
        setOverlay({ type: 'edgeLabel', at: canvasPoint(event), edgeId: edge.id });
      },
      onDoubleClick: (event) => {
        if ((event.target as HTMLElement).classList.contains('react-flow__pane')) setOverlay({ type: 'picker', at: canvasPoint(event), screen: { x: event.clientX, y: event.clientY } });
      },
    };
  }, [edgeMenu, openMenu, paneMenu, store]);

  let drawn: React.ReactNode = null;
  if (overlay?.type === 'menu') {
    drawn = <ContextMenu x={overlay.at.x} y={overlay.at.y} label={overlay.label} items={overlay.items} onClose={close} />;
  } else if (overlay?.type === 'picker') {
    const pick = (kindId: string) => {
      close();
      const centre = ctx.flow()?.screenToFlowPosition(overlay.screen) ?? overlay.at;
      placeNode(store, kindId, centre);
    };
    drawn = <QuickPicker x={overlay.at.x} y={overlay.at.y} onPick={pick} onClose={close} />;
  } else if (overlay?.type === 'edgeLabel') {
    const edge = store.getState().doc.edges.find((e) => e.id === overlay.edgeId);
    const done = (label: string | null) => {
      close();
      if (label !== null) store.commit('Edit edge label', (d) => void (d.edges.find((e) => e.id === overlay.edgeId)!.label = label));
    };
    drawn = edge ? (
      <div className="edge-label-editor" style={{ left: overlay.at.x, top: overlay.at.y }}>
        <InlineRename value={edge.label ?? ''} label="Edge label" className="edge-rename" onDone={done} />
      </div>
    ) : null;
  }
  return { props, overlay: drawn };
}
