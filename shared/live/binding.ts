import * as Y from 'yjs';
import type { LoadOptions } from '../model/load';
import type { Diagram } from '../model/schema';
import { readChecked } from './gate';
import { COLLECTIONS, hasDiagram, writeDiagram } from './mapping';

/** What a binding tells the editor after a change it did not make itself (a peer's edit, or an undo). */
export interface RemoteChange {
  diagram: Diagram;
  /** Items a peer made invalid, left out of `diagram`, with the reason. */
  left: string[];
}

/** How long edits in a row stay one undo step, in ms (a drag, a typing burst). */
export const UNDO_CAPTURE_MS = 500;

/**
 * Ties an editor's document to a shared `Y.Doc`: local edits go in as
 * transactions with this binding's own origin, everything else (a peer's
 * update, an undo) comes out as a checked diagram. Undo and redo cover only
 * this side's edits, so undoing never erases the other person's work.
 */
export class LiveBinding {
  /** The origin of this side's transactions; the undo manager tracks only these. */
  readonly origin = { live: 'local' };
  readonly undoManager: Y.UndoManager;
  private last: Diagram | undefined;
  private readonly listeners = new Set<(change: RemoteChange) => void>();
  private readonly problemListeners = new Set<(problems: string[]) => void>();

  constructor(readonly ydoc: Y.Doc, private readonly options: LoadOptions = {}) {
    const scope = [ydoc.getMap('meta'), ...COLLECTIONS.map((c) => ydoc.getMap(c))];
    this.undoManager = new Y.UndoManager(scope, { trackedOrigins: new Set([this.origin]), captureTimeout: UNDO_CAPTURE_MS });
    ydoc.on('afterTransaction', this.afterTransaction);
  }

  /** The diagram as last written or read. */
  get diagram(): Diagram | undefined {
    return this.last;
  }

  /**
   * Starts from what the shared document holds, or fills an empty one with
   * `initial` (the host's diagram). Returns the diagram to show.
   */
  start(initial: Diagram): RemoteChange | { diagram: null; problems: string[] } {
    if (!hasDiagram(this.ydoc)) {
      this.ydoc.transact(() => writeDiagram(this.ydoc, initial), this.origin);
      this.undoManager.clear();
      this.last = initial;
      return { diagram: initial, left: [] };
    }
    const read = readChecked(this.ydoc, this.options);
    if (!read.ok) return { diagram: null, problems: read.problems };
    this.last = read.diagram;
    return { diagram: read.diagram, left: read.left };
  }

  /** Writes this side's edit (the editor's new document) as one transaction. */
  applyLocal(next: Diagram): void {
    if (next === this.last) return;
    const previous = this.last;
    this.ydoc.transact(() => writeDiagram(this.ydoc, next, previous), this.origin);
    this.last = next;
  }

  /** Ends the current undo step, so the next edit is a step of its own. */
  stopCapturing(): void {
    this.undoManager.stopCapturing();
  }

  undo(): boolean {
    return this.undoManager.undo() !== null;
  }

  redo(): boolean {
    return this.undoManager.redo() !== null;
  }

  /** Calls `listener` with each change this side did not write; returns the unsubscribe. */
  onRemote(listener: (change: RemoteChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls `listener` when a peer's change leaves the document invalid as a whole (the editor keeps the last valid one). */
  onProblems(listener: (problems: string[]) => void): () => void {
    this.problemListeners.add(listener);
    return () => this.problemListeners.delete(listener);
  }

  destroy(): void {
    this.ydoc.off('afterTransaction', this.afterTransaction);
    this.undoManager.destroy();
    this.listeners.clear();
    this.problemListeners.clear();
  }

  private readonly afterTransaction = (transaction: Y.Transaction): void => {
    if (transaction.origin === this.origin || transaction.changed.size === 0) return;
    const read = readChecked(this.ydoc, this.options);
    if (!read.ok) {
      for (const listener of this.problemListeners) listener(read.problems);
      return;
    }
    this.last = read.diagram;
    for (const listener of this.listeners) listener({ diagram: read.diagram, left: read.left });
  };
}
