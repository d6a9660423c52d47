import { IndexeddbPersistence } from 'y-indexeddb';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { LiveBinding } from '../../shared/live/binding';
import { connectDocument, type RoomAddress, type RoomConnection } from '../../shared/live/client';
import { readInterview, writeInterview, type InterviewState } from '../../shared/live/interview';
import { hasDiagram } from '../../shared/live/mapping';
import { colourFor, readPresence, type Presence } from '../../shared/live/presence';
import type { Role } from '../../shared/live/room';
import type { Diagram } from '../../shared/model/schema';
import type { EditorStore } from '../state/store';
import { followInterview } from './pairs';

/** How often a drag in progress is sent, ms (its end is always sent). */
export const DRAG_SEND_MS = 50;

export type LiveStatus = 'connecting' | 'online' | 'offline' | 'refused';

/** A peer as shown: who, and what they share. */
export interface Peer extends Presence {
  clientId: number;
}

/** What the live bar shows. */
export interface LiveView {
  status: LiveStatus;
  reason: string | null;
  role: Role;
  peers: Peer[];
  interview: InterviewState;
  /** Items a peer made invalid, left out of this person's view. */
  left: string[];
  /** The peer whose view this person follows, by client id. */
  following: number | null;
  /** Whether the pointer draws with the laser. */
  laser: boolean;
}

/**
 * A person's side of a live room: the diagram bound to the editor store
 * (local edits become Yjs transactions, the peer's become store updates),
 * kept in IndexedDB so edits made offline survive a reload and merge on
 * reconnect; presence; the interview document, read (or, for the
 * interviewer, written).
 */
export class LiveSession {
  readonly ydoc = new Y.Doc();
  readonly interviewDoc = new Y.Doc();
  /** The interviewer's notes and scores; the candidate never opens it. */
  readonly privateDoc = new Y.Doc();
  readonly awareness = new Awareness(this.ydoc);
  readonly binding: LiveBinding;
  private diagram: RoomConnection | null = null;
  private interviewConnection: RoomConnection | null = null;
  private privateConnection: RoomConnection | null = null;
  private offline: IndexeddbPersistence | null = null;
  private view: LiveView;
  private readonly listeners = new Set<() => void>();
  private readonly cleanups: (() => void)[] = [];
  private lastDoc: Diagram | null = null;
  /** The candidate's join token, on the interviewer's side, to share as a link. */
  invite: string | null = null;
  /** The candidate's whole link, when the host made it (a page served by the host, not this window's own address). */
  inviteLink: string | null = null;
  private bound = false;
  private receiving = false;
  private sendTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly store: EditorStore, readonly address: RoomAddress, readonly role: Role, readonly name: string) {
    this.binding = new LiveBinding(this.ydoc);
    this.view = { status: 'connecting', reason: null, role, peers: [], interview: readInterview(this.interviewDoc), left: [], following: null, laser: false };
    const me: Presence = { name, colour: colourFor(this.ydoc.clientID), role, cursor: null, selection: [], view: null, laser: [] };
    this.awareness.setLocalStateField('user', me);
  }

  getView = (): LiveView => this.view;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Opens the offline copy, then the connection; `initial` fills an empty room (the interviewer's diagram). */
  async start(initial: Diagram): Promise<void> {
    if (typeof indexedDB !== 'undefined') {
      this.offline = new IndexeddbPersistence(`mlsd-live-${this.address.room}`, this.ydoc);
      await this.offline.whenSynced;
    }
    // Work kept from an earlier visit shows at once, before the server answers.
    if (hasDiagram(this.ydoc)) this.bind(initial);
    // The server refuses an edit that would make the diagram invalid, and says why to this side only.
    const onClosed = (reason: string) => void this.store.set({ notice: `The room's server closed the connection: ${reason}` });
    this.diagram = connectDocument(this.address, 'diagram', this.ydoc, { awareness: this.awareness, onClosed });
    this.interviewConnection = connectDocument(this.address, 'interview', this.interviewDoc, { awareness: null });
    if (this.role === 'interviewer') this.privateConnection = connectDocument(this.address, 'private', this.privateDoc, { awareness: null });
    // Once in the room, any state but connected means edits are kept here until the connection is back.
    const onStatus = ({ status }: { status: string }) => {
      if (this.view.status === 'refused') return;
      // Presence again on every connection, so a peer that dropped this person's presence while apart takes it anew.
      if (status === 'connected') this.awareness.setLocalState({ ...this.awareness.getLocalState() });
      this.update({ status: status === 'connected' && this.bound ? 'online' : this.bound ? 'offline' : 'connecting' });
    };
    this.diagram.provider.on('status', onStatus);
    const onInterview = () => {
      const interview = readInterview(this.interviewDoc);
      this.update({ interview });
      followInterview(this.store, interview, this.role);
    };
    this.interviewDoc.on('update', onInterview);
    const onAwareness = () => this.update({ peers: this.peers() });
    this.awareness.on('change', onAwareness);
    this.cleanups.push(() => this.diagram?.provider.off('status', onStatus), () => this.interviewDoc.off('update', onInterview), () => this.awareness.off('change', onAwareness));
    try {
      await this.diagram.ready;
      this.update({ status: 'online' });
      if (!this.bound) this.bindWhenFilled(initial);
    } catch (error) {
      this.update({ status: 'refused', reason: error instanceof Error ? error.message : String(error) });
    }
  }

  /** Binds now when the room holds a diagram or this is the interviewer (who fills it); a candidate waits for the interviewer's. */
  private bindWhenFilled(initial: Diagram): void {
    if (this.role === 'interviewer' || hasDiagram(this.ydoc)) return this.bind(initial);
    this.store.set({ notice: 'Waiting for the interviewer to open the diagram…' });
    const onUpdate = () => {
      if (!hasDiagram(this.ydoc) || this.bound) return;
      this.ydoc.off('update', onUpdate);
      this.bind(initial);
    };
    this.ydoc.on('update', onUpdate);
    this.cleanups.push(() => this.ydoc.off('update', onUpdate));
  }

  /** Ties the store to the shared document: from now on edits flow both ways. */
  private bind(initial: Diagram): void {
    this.bound = true;
    const started = this.binding.start(initial);
    if (started.diagram) this.receive(started.diagram, 'left' in started ? started.left : []);
    this.cleanups.push(
      this.binding.onRemote((change) => this.receive(change.diagram, change.left)),
      this.binding.onProblems((problems) => this.store.set({ notice: `A change from the other side was not taken: ${problems[0] ?? ''}` })),
      this.store.subscribe(this.onStore),
    );
    this.store.sharedUndo = { undo: () => this.binding.undo(), redo: () => this.binding.redo() };
  }

  private receive(diagram: Diagram, left: string[]): void {
    this.receiving = true;
    this.store.receive(diagram);
    this.receiving = false;
    this.lastDoc = this.store.getState().doc;
    if (left.join() !== this.view.left.join()) this.update({ left });
  }

  /** Sends the store's document when it changed here: at once, or throttled while a drag is in progress. */
  private readonly onStore = (): void => {
    if (this.receiving) return;
    const state = this.store.getState();
    this.share({ selection: state.selection.nodes });
    if (state.doc === this.lastDoc) return;
    if (!state.gestureBase) this.flush();
    else if (this.sendTimer === null) this.sendTimer = setTimeout(this.flush, DRAG_SEND_MS);
  };

  private readonly flush = (): void => {
    if (this.sendTimer !== null) clearTimeout(this.sendTimer);
    this.sendTimer = null;
    const { doc, gestureBase } = this.store.getState();
    if (doc === this.lastDoc) return;
    this.lastDoc = doc;
    this.binding.applyLocal(doc);
    if (!gestureBase) this.binding.stopCapturing();
  };

  /** Shares a change of this person's presence (cursor, selection, view, laser). */
  share(patch: Partial<Presence>): void {
    const user = this.awareness.getLocalState()?.user as Presence;
    if (Object.entries(patch).every(([k, v]) => JSON.stringify(user[k as keyof Presence]) === JSON.stringify(v))) return;
    this.awareness.setLocalStateField('user', { ...user, ...patch });
  }

  /** Changes the interview (the interviewer's side; the server drops a candidate's writes). */
  setInterview(patch: Partial<InterviewState>): void {
    if (this.role === 'interviewer') writeInterview(this.interviewDoc, patch);
  }

  /** Follows a peer's view (null: stop); any pan of one's own ends it. */
  follow(clientId: number | null): void {
    this.update({ following: clientId });
  }

  setLaser(on: boolean): void {
    this.update({ laser: on });
    if (!on) this.share({ laser: [] });
  }

  private peers(): Peer[] {
    const peers: Peer[] = [];
    for (const [clientId, state] of this.awareness.getStates()) {
      if (clientId === this.ydoc.clientID) continue;
      const presence = readPresence(state);
      if (presence) peers.push({ ...presence, clientId });
    }
    return peers;
  }

  private update(patch: Partial<LiveView>): void {
    this.view = { ...this.view, ...patch };
    for (const listener of this.listeners) listener();
  }

  destroy(): void {
    this.flush();
    this.cleanups.forEach((c) => c());
    this.store.sharedUndo = null;
    this.diagram?.destroy();
    this.interviewConnection?.destroy();
    this.privateConnection?.destroy();
    void this.offline?.destroy();
    this.binding.destroy();
    this.awareness.destroy();
  }
}
