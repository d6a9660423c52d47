import { render, screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import userEvent from '@testing-library/user-event';
import type { ReactFlowInstance } from '@xyflow/react';
import type { HostedInterview, HostError, OpenedFile, RecoveryCopy, RecoveryEntry, SavedFile, StudioHost } from '../../shared/ipc';
import type { Diagram } from '../../shared/model/schema';
import { App } from '../../renderer/app/App';
import { AppProvider } from '../../renderer/app/AppContext';
import type { AppContext } from '../../renderer/app/context';
import { emptyDiagram } from '../../renderer/state/commands';
import { EditorStore } from '../../renderer/state/store';
import { createLayoutClient } from '../../renderer/workers/clients';
import { installCanvasStubs } from './setup';

/** An in-memory host: files in a map, dialogs answered by the test. */
export class MemoryHost implements StudioHost {
  files = new Map<string, string>();
  /** This window's own recovery copy. */
  recovery: RecoveryEntry | null = null;
  /** Copies left by windows that are gone, as the host would offer them. */
  orphans: RecoveryCopy[] = [];
  /** When set, saving fails with this error (a full disk) and nothing is written. */
  saveError: string | null = null;
  title = '';
  nextOpen: OpenedFile | null = null;
  nextSaveAs: string | null = 'saved.mlsd.json';
  discardChoice: 'save' | 'discard' | 'cancel' = 'discard';
  async openFile() { return this.nextOpen; }
  async openRecent({ ref }: { ref: string }) { return { ref, name: ref, content: this.files.get(ref) ?? '' }; }
  async save({ ref, content }: { ref: string; content: string }): Promise<SavedFile | HostError> {
    if (this.saveError) return { error: this.saveError };
    this.files.set(ref, content);
    return { ref, name: ref };
  }
  async saveAs({ content }: { suggestedName: string; content: string }) {
    if (!this.nextSaveAs) return null;
    this.files.set(this.nextSaveAs, content);
    return { ref: this.nextSaveAs, name: this.nextSaveAs };
  }
  async exportFile() { return null; }
  async recentFiles() { return []; }
  async writeRecovery(entry: RecoveryEntry) { this.recovery = entry; }
  async listRecovery() { return this.orphans; }
  async clearRecovery() { this.recovery = null; }
  async discardRecovery({ slot }: { slot: string }) { this.orphans = this.orphans.filter((o) => o.slot !== slot); }
  async setTitle({ title, dirty }: { title: string; dirty: boolean }) { this.title = `${title}${dirty ? ' •' : ''}`; }
  async confirmDiscard() { return this.discardChoice; }
  async openExternal() {}
  async closeWindow() {}
  /** What hosting a mock interview answers (the browser's refusal unless a test sets a room). */
  hosted: HostedInterview | null = null;
  async hostInterview(): Promise<HostedInterview | HostError> { return this.hosted ?? { error: 'Hosting a mock interview needs the desktop app' }; }
  async hostedInterview() { return this.hosted; }
  async stopHosting() { this.hosted = null; }
}

/** Renders the whole app on a document, with a memory host, and waits for the first figures. */
export async function renderApp(doc: Diagram, host = new MemoryHost()) {
  installCanvasStubs();
  const store = new EditorStore(doc, { name: 'test.mlsd.json', ref: null });
  let flow: ReactFlowInstance | null = null;
  const ctx: AppContext = { store, host, layout: createLayoutClient(), flow: () => flow, setFlow: (f) => void (flow = f), mac: false };
  const view = render(
    <AppProvider value={ctx}>
      <App />
    </AppProvider>,
  );
  await waitFor(() => expect(screen.getByTestId('budget-bar').textContent).not.toMatch(/Estimating/), { timeout: 5000 });
  // The canvas takes the same estimate a render later (React Flow syncs its nodes in an effect): wait for its figures too.
  await waitFor(() => {
    const figures = [...document.querySelectorAll('.component-figures')];
    expect(figures.length === 0 || figures.some((f) => f.textContent !== '')).toBe(true);
  }, { timeout: 5000 });
  return { ...view, store, host, ctx, user: userEvent.setup() };
}

/** Users at 100 QPS calling one "auto" API pool (5 ms p50, 20 ms p99): the smallest design with figures. */
export function smallDiagram(): Diagram {
  const d = emptyDiagram('Small');
  d.nodes.push(
    { id: 'users', kind: 'traffic', label: 'Users', traffic: { qps: 100 }, position: { x: 0, y: 0 } },
    { id: 'api', kind: 'service', label: 'API', latency: { p50Ms: 5, p99Ms: 20 }, capacity: { replicas: 'auto' }, position: { x: 300, y: 0 } },
  );
  d.edges.push({ id: 'e1', source: 'users', target: 'api' });
  return d;
}
