import { produce } from 'immer';
import { useSyncExternalStore } from 'react';
import type { Diagram } from '../../shared/model/schema';
import { DEFAULT_PANELS, type PanelLayout } from '../app/panelLayout';
import { sessionFromDocument } from '../practice/restore';
import { coalesce, record, redoEntry, undoEntry, type HistoryEntry } from './history';

/** Selected nodes and edges, by id. */
export interface Selection {
  nodes: string[];
  edges: string[];
  /** Groups selected by their frame (their members are in `nodes`). */
  groups?: string[];
  /** Selected sticky notes and free text, by annotation id. */
  annotations?: string[];
}

/** Where the open document lives: a path or browser handle id, or nowhere yet. */
export interface FileInfo {
  name: string;
  ref: string | null;
}

export interface EditorState {
  doc: Diagram;
  selection: Selection;
  file: FileInfo;
  past: HistoryEntry[];
  future: HistoryEntry[];
  /** Id of the history entry the file on disk matches (0: the document as opened). */
  savedAt: number;
  /** Document before a gesture (a drag) that is in progress, not yet in history. */
  gestureBase: Diagram | null;
  theme: 'light' | 'dark';
  /**
   * What-if multiplier on every traffic entry: a view of the open document
   * only. It never changes the document, goes back to 1 whenever another
   * document is loaded, and is held at 1 during practice.
   */
  trafficMultiplier: number;
  /** Whether the what-if holds every "auto" pool at its replicas at 1x (a fixed fleet) instead of resizing it. */
  fixedFleet?: boolean;
  /** Problems of a file that could not be opened, shown until dismissed. */
  loadProblems: { name: string; problems: string[] } | null;
  /** What an import read and guessed, shown once after it. */
  importReport: { name: string; lines: string[] } | null;
  /** A message shown briefly at the bottom of the window. */
  notice: string | null;
  /** The dialog open over the canvas, if any. */
  dialog: 'blueprints' | 'shortcuts' | 'export' | 'practice' | 'compare' | 'replay' | 'simulate' | 'scenarios' | 'host' | null;
  /** What the right-hand panel shows. */
  sidePanel: 'inspector' | 'practice' | 'study';
  /** The interview being practised, if any. */
  practice: PracticeSession | null;
  /** Panel sizes, collapsed panels, focus mode and the minimap (remembered between sessions). */
  panels: PanelLayout;
  /** Nodes and edges the p99 breakdown shows, highlighted on the canvas while it is open. */
  criticalPath: Selection | null;
}

/** A timed practice interview on one case. */
export interface PracticeSession {
  slug: string;
  title: string;
  prompt: string;
  durationMs: number;
  startedAtMs: number;
  /** When the timer was paused, or null while it runs. */
  pausedAtMs: number | null;
  pausedTotalMs: number;
  /** Whether the person's own figures (kept in the document's `brief.estimate`) are in; the live figures stay hidden until then. */
  guessLocked: boolean;
  /** How many of the reference's steps have been revealed. */
  revealedSteps: number;
  finished: boolean;
}

/** Time used in a practice session at `nowMs`, excluding pauses. */
export function practiceElapsedMs(session: PracticeSession, nowMs: number): number {
  const pausedNow = session.pausedAtMs === null ? 0 : nowMs - session.pausedAtMs;
  return Math.max(0, nowMs - session.startedAtMs - session.pausedTotalMs - pausedNow);
}

/** The traffic multiplier the live figures use: the what-if's, except during practice, where it is locked to 1. */
export function effectiveMultiplier(state: EditorState): number {
  return state.practice ? 1 : state.trafficMultiplier;
}

/** Whether live figures are hidden: during practice, until the person's own estimate is in. */
export function figuresHidden(state: EditorState): boolean {
  return state.practice !== null && !state.practice.guessLocked && !state.practice.finished;
}

export const EMPTY_SELECTION: Selection = { nodes: [], edges: [] };

/** Whether the document differs from what was last saved or opened. */
export function isDirty(state: EditorState): boolean {
  return (state.past.at(-1)?.id ?? 0) !== state.savedAt;
}

/**
 * The editor's state: the document (immutable, edited through immer), its
 * undo history, the selection and view settings. Every document change is a
 * `commit`, one undo step, except a gesture in progress (drag), which becomes
 * one step when it ends.
 */
export class EditorStore {
  private state: EditorState;
  private readonly listeners = new Set<() => void>();
  /** In a live room, undo and redo of this person's own edits only (see renderer/live); solo editing uses the store's history. */
  sharedUndo: { undo(): boolean; redo(): boolean } | null = null;

  constructor(doc: Diagram, file: FileInfo, theme: 'light' | 'dark' = 'light') {
    this.state = {
      doc, file, selection: EMPTY_SELECTION, past: [], future: [], savedAt: 0, gestureBase: null,
      theme, trafficMultiplier: 1, loadProblems: null, importReport: null, notice: null, dialog: null, sidePanel: 'inspector', practice: null,
      panels: DEFAULT_PANELS, criticalPath: null,
    };
  }

  getState = (): EditorState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Replaces parts of the state that are not the document (selection, view, dialogs). */
  set(patch: Partial<Omit<EditorState, 'doc' | 'past' | 'future'>>): void {
    this.state = { ...this.state, ...patch };
    this.emit();
  }

  /** Changes the document as one undoable step; steps with the same `key` in a burst merge. */
  commit(label: string, recipe: (draft: Diagram) => void, key?: string): void {
    this.endGesture(label);
    const [doc, entry] = record(this.state.doc, label, recipe, key);
    if (!entry) return;
    const last = this.state.past.at(-1);
    // A burst never merges across a save, so the saved state stays reachable by undo.
    const merged = last && last.id !== this.state.savedAt ? coalesce(last, entry) : null;
    const past = merged ? [...this.state.past.slice(0, -1), merged] : [...this.state.past, entry];
    this.state = { ...this.state, doc, past, future: [], selection: pruneSelection(this.state.selection, doc) };
    this.emit();
  }

  /**
   * Changes the document outside the undo history: what no one would undo, a
   * practice session's clock and replay log. Applied under a gesture in
   * progress too, so the gesture's end keeps it.
   */
  amend(recipe: (draft: Diagram) => void): void {
    const base = this.state.gestureBase;
    this.state = { ...this.state, doc: produce(this.state.doc, recipe), gestureBase: base && produce(base, recipe) };
    this.emit();
  }

  /** Changes the document live during a gesture; `endGesture` turns it into one step. */
  gesture(recipe: (draft: Diagram) => void): void {
    const base = this.state.gestureBase ?? this.state.doc;
    this.state = { ...this.state, gestureBase: base, doc: produce(this.state.doc, recipe) };
    this.emit();
  }

  /** Ends a gesture: one undo step from where it started to where it ended. */
  endGesture(label: string): void {
    const base = this.state.gestureBase;
    if (!base) return;
    const end = this.state.doc;
    this.state = { ...this.state, gestureBase: null, doc: base };
    const [doc, entry] = record(base, label, (draft) => {
      draft.nodes = end.nodes as Diagram['nodes'];
      draft.groups = end.groups as Diagram['groups'];
      if (end.annotations) draft.annotations = end.annotations as Diagram['annotations'];
    });
    if (entry) this.state = { ...this.state, doc, past: [...this.state.past, entry], future: [] };
    this.emit();
  }

  undo(): boolean {
    this.endGesture('Move');
    if (this.sharedUndo) return this.sharedUndo.undo();
    const entry = this.state.past.at(-1);
    if (!entry) return false;
    const doc = undoEntry(this.state.doc, entry);
    this.state = { ...this.state, doc, past: this.state.past.slice(0, -1), future: [entry, ...this.state.future], selection: pruneSelection(this.state.selection, doc) };
    this.emit();
    return true;
  }

  redo(): boolean {
    if (this.sharedUndo) return this.sharedUndo.redo();
    const entry = this.state.future[0];
    if (!entry) return false;
    const doc = redoEntry(this.state.doc, entry);
    this.state = { ...this.state, doc, past: [...this.state.past, entry], future: this.state.future.slice(1), selection: pruneSelection(this.state.selection, doc) };
    this.emit();
    return true;
  }

  /**
   * Opens a new document: fresh history, nothing selected, the what-if back
   * at 1x (it belonged to the previous document's view); saved as it is
   * unless `unsaved` (recovered work).
   */
  load(doc: Diagram, file: FileInfo, unsaved = false): void {
    this.state = {
      ...this.state, doc, file, past: [], future: [], savedAt: unsaved ? -1 : 0, gestureBase: null, selection: EMPTY_SELECTION, loadProblems: null, trafficMultiplier: 1,
      // A practice session saved in the document comes back with it, its clock paused.
      ...(doc.practice ? { practice: sessionFromDocument(doc, Date.now()), sidePanel: 'practice' as const } : {}),
    };
    this.emit();
  }

  /** Shows a document someone else changed (a peer in a live room): no history entry, this person's viewport kept. */
  receive(doc: Diagram): void {
    const viewport = this.state.doc.viewport;
    const next = viewport ? { ...doc, viewport } : doc;
    this.state = { ...this.state, doc: next, selection: pruneSelection(this.state.selection, next) };
    if (this.state.gestureBase) this.state.gestureBase = next;
    this.emit();
  }

  /** Records that the document as it is now is what the file holds. */
  markSaved(file: FileInfo): void {
    this.state = { ...this.state, file, savedAt: this.state.past.at(-1)?.id ?? 0 };
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

function pruneSelection(selection: Selection, doc: Diagram): Selection {
  const nodes = selection.nodes.filter((id) => doc.nodes.some((n) => n.id === id));
  const edges = selection.edges.filter((id) => doc.edges.some((e) => e.id === id));
  const annotations = selection.annotations?.filter((id) => doc.annotations?.some((a) => a.id === id));
  if (nodes.length === selection.nodes.length && edges.length === selection.edges.length && annotations?.length === selection.annotations?.length) return selection;
  return annotations?.length ? { nodes, edges, annotations } : { nodes, edges };
}

/** Subscribes a component to a slice of the editor state. */
export function useEditor<T>(store: EditorStore, select: (state: EditorState) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}
