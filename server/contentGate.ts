import * as Y from 'yjs';
import { problemsByText } from '../shared/live/gate';

/**
 * The server's check on what enters a room's diagram: every update a client
 * sends is applied first to a scratch copy of the document and read through
 * the same load gate the editors use (schema, bounds, structure). An update
 * that would add a problem is refused before the real document, and so any
 * other client or the store, sees it. Problems between items (an edge to a
 * node another person deleted meanwhile) are let through: two honest edits
 * make them together, refusing the second would cut its sender off from the
 * room, and every editor leaves such an item out of what it shows.
 */
export class DiagramGate {
  private scratch: Y.Doc;
  /** The scratch copy's problems, or null when an update from elsewhere changed it since they were read. */
  private problems: ReadonlySet<string> | null = null;
  private changed = false;
  /** Bumped each time the scratch copy starts again, which forgets what was checked before. */
  private generation = 0;
  /** Per sender, the generations of updates checked here and not yet applied to the real document. */
  private readonly checked = new Map<unknown, number[]>();
  // Watching transactions rather than updates spares Yjs encoding each change again.
  private readonly onScratchTransaction = (transaction: Y.Transaction) => void (this.changed ||= transaction.changed.size > 0);
  private readonly mirror = (update: Uint8Array, origin: unknown) => {
    // An update checked here is in the scratch copy already (unless it started again since); others (Redis, the store) are taken as they are.
    const queue = this.checked.get(origin);
    const checkedIn = queue?.shift();
    if (queue && queue.length === 0) this.checked.delete(origin);
    if (checkedIn === this.generation) return;
    if (this.applyToScratch(update)) this.problems = null;
  };

  constructor(private readonly document: Y.Doc) {
    this.scratch = this.copy();
    document.on('update', this.mirror);
  }

  /**
   * Checks one update from a client: null when it may be applied, or why it
   * is refused (the first new problem, and how many more there are).
   * `sender` is the origin the real document will apply it with.
   */
  check(update: Uint8Array, sender: unknown): string | null {
    const before = this.problems ?? new Set(problemsByText(this.scratch).keys());
    let changed: boolean;
    try {
      changed = this.applyToScratch(update);
    } catch {
      this.restart(before);
      return 'edit refused: it is not a document update this server can read';
    }
    if (!changed) {
      this.problems = before;
      return null;
    }
    const after = problemsByText(this.scratch);
    const added = [...after].filter(([text, { betweenItems }]) => !before.has(text) && !betweenItems).map(([text]) => text);
    if (added.length === 0) {
      this.problems = new Set(after.keys());
      const queue = this.checked.get(sender) ?? [];
      queue.push(this.generation);
      this.checked.set(sender, queue);
      return null;
    }
    this.restart(before);
    const more = added.length > 1 ? ` (and ${added.length - 1} more)` : '';
    return `edit refused, it would make the diagram invalid: ${added[0]}${more}`;
  }

  destroy(): void {
    this.document.off('update', this.mirror);
    this.scratch.destroy();
  }

  /** The scratch copy holds what was refused: start again from the real document. */
  private restart(problems: ReadonlySet<string>): void {
    this.scratch.destroy();
    this.scratch = this.copy();
    this.problems = problems;
    this.generation += 1;
    this.checked.clear();
  }

  private copy(): Y.Doc {
    const scratch = new Y.Doc();
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(this.document));
    scratch.on('afterTransaction', this.onScratchTransaction);
    return scratch;
  }

  /** Applies an update to the scratch copy; whether it changed anything. */
  private applyToScratch(update: Uint8Array): boolean {
    this.changed = false;
    Y.applyUpdate(this.scratch, update);
    return this.changed;
  }
}
