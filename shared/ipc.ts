/**
 * The one contract between the renderer and its host, Electron's main process
 * or the browser adapter. Payloads are JSON only. The renderer calls these
 * methods and never knows which host answers; the main process validates every
 * argument against the schemas below before acting on it.
 */

/**
 * A document as read from disk or a file picker. `ref` is an opaque handle
 * id the host issued for a file the user chose (dialogs, the recent list,
 * files the OS gave the app); the renderer never sends a path, and a host
 * refuses any ref it did not issue.
 */
export interface OpenedFile {
  ref: string;
  name: string;
  content: string;
}

/** Where a document was saved. */
export interface SavedFile {
  ref: string;
  name: string;
}

/** The autosaved copy of an open document, offered back after a crash. */
export interface RecoveryEntry {
  name: string;
  ref: string | null;
  content: string;
  savedAtMs: number;
}

/** An autosaved copy left by a window or tab that is no longer open, as offered back. */
export interface RecoveryCopy extends RecoveryEntry {
  /** The window's or tab's recovery slot. */
  slot: string;
}

/**
 * A mock interview this app hosts on the local network: the links to join
 * it. The server's secret and its folder stay in the main process.
 */
export interface HostedInterview {
  /** The room's server, `ws://ADDRESS:PORT`. */
  server: string;
  room: string;
  /** Joins as the interviewer (in a browser, or pasted into another copy of the app). */
  interviewerLink: string;
  /** Joins as the candidate: the page is served by this app's server, so any browser on the network opens it. */
  candidateLink: string;
  /** The candidate's join token, for the interviewer's own window to share. */
  candidateToken: string;
  /** The interviewer's join token, for the interviewer's own window to join with. */
  interviewerToken: string;
  /** When the links stop working, ms since 1970. */
  expiresAtMs: number;
}

/** What the user chose when asked about unsaved changes. */
export type DiscardChoice = 'save' | 'discard' | 'cancel';

/** A failure a person can act on, never a stack trace. */
export interface HostError {
  error: string;
}

/** Requests from the renderer, answered by the host. */
export interface StudioHost {
  /**
   * Shows an open dialog; null when cancelled. With `forImport`, offers the
   * files import reads (Mermaid, draw.io, Excalidraw) and reads the chosen
   * one once: its ref is no handle, so nothing can be saved over it.
   */
  openFile(request?: { forImport: true }): Promise<OpenedFile | null | HostError>;
  /** Opens a file by a handle from the recent list or the OS (file association); only diagrams (`.mlsd.json`). */
  openRecent(request: { ref: string }): Promise<OpenedFile | HostError>;
  /** Writes a document atomically to the file behind a handle from opening or saving it; any other ref is refused. */
  save(request: { ref: string; content: string }): Promise<SavedFile | HostError>;
  /** Asks where to save; null when cancelled. */
  saveAs(request: { suggestedName: string; content: string }): Promise<SavedFile | null | HostError>;
  /** Saves an export (text, or base64 for binary formats); null when cancelled. */
  exportFile(request: { suggestedName: string; mimeType: string; text?: string; base64?: string }): Promise<SavedFile | null | HostError>;
  /** Recently opened diagrams, newest first, each as a handle for openRecent. */
  recentFiles(): Promise<{ ref: string; name: string }[]>;
  /** Autosaves into this window's (or tab's) own recovery slot. */
  writeRecovery(entry: RecoveryEntry): Promise<void | HostError>;
  /** Copies left by windows or tabs that are no longer open, newest first; expired ones are deleted. */
  listRecovery(): Promise<RecoveryCopy[]>;
  /** Empties this window's own slot (its work was saved or discarded). */
  clearRecovery(): Promise<void>;
  /** Deletes an orphaned copy; a slot still open elsewhere is left alone. */
  discardRecovery(request: { slot: string }): Promise<void>;
  /** Shows the document name and an unsaved marker in the window title. */
  setTitle(request: { title: string; dirty: boolean }): Promise<void>;
  /** Asks what to do with unsaved changes before they would be lost. */
  confirmDiscard(request: { name: string }): Promise<DiscardChoice>;
  openExternal(request: { url: string }): Promise<void>;
  /** Closes the window after the renderer has dealt with unsaved work. */
  closeWindow(): Promise<void>;
  /**
   * Hosts a mock interview on the local network (the desktop app only): starts
   * a live room server, opens a room and answers with its links; asked again,
   * answers with the same room. Another window's room is refused.
   */
  hostInterview(): Promise<HostedInterview | HostError>;
  /** The interview this window hosts, or null. */
  hostedInterview(): Promise<HostedInterview | null>;
  /** Stops hosting: the server closes and the links stop working. */
  stopHosting(): Promise<void | HostError>;
}

/** Events the host sends the renderer. */
export interface StudioHostEvents {
  /** A native menu item was chosen: run the action with this id. */
  action: { id: string };
  /** The OS asked to open a file (association, second instance), given as a handle for openRecent. */
  openFile: { ref: string };
  /** The user closed the window with unsaved work: confirm, then call closeWindow. */
  closeRequested: Record<string, never>;
}

/** Channel names, one per method and event, the only ones the preload lets through. */
export const HOST_METHODS = [
  'openFile', 'openRecent', 'save', 'saveAs', 'exportFile', 'recentFiles',
  'writeRecovery', 'listRecovery', 'clearRecovery', 'discardRecovery', 'setTitle', 'confirmDiscard', 'openExternal', 'closeWindow',
  'hostInterview', 'hostedInterview', 'stopHosting',
] as const satisfies readonly (keyof StudioHost)[];
export const HOST_EVENTS = ['action', 'openFile', 'closeRequested'] as const satisfies readonly (keyof StudioHostEvents)[];

/** Whether a host answer is an error. */
export function isHostError(value: unknown): value is HostError {
  return typeof value === 'object' && value !== null && 'error' in value;
}
