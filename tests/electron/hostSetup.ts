import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { RecentFiles, RecoveryStore } from '../../electron/files';
import { FileHandles } from '../../electron/fileHandles';
import { createHost, type HostDeps } from '../../electron/hostHandlers';
import { hostingDeps, InterviewHosting } from '../../electron/liveHosting';

/** A main-process host on a fresh folder, every Electron part stood in for; `overrides` replace any of them. */
export function setup(overrides: Partial<HostDeps> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-host-'));
  const deps: HostDeps = {
    showOpenDialog: vi.fn(async () => null),
    showSaveDialog: vi.fn(async () => null),
    askUnsaved: vi.fn(async () => 2),
    openExternal: vi.fn(async () => {}),
    setTitle: vi.fn(),
    closeWindow: vi.fn(),
    recovery: new RecoveryStore(join(dir, 'recovery')),
    slot: 'this-window',
    liveSlots: () => new Set(['this-window', 'other-open-window']),
    recent: new RecentFiles(dir),
    recentChanged: vi.fn(),
    handles: new FileHandles(),
    hosting: new InterviewHosting({ ...hostingDeps(join(dir, 'rooms'), dir), startServer: () => Promise.reject(new Error('not in these tests')) }),
    ...overrides,
  };
  return { dir, deps, host: createHost(deps) };
}
