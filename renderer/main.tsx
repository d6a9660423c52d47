import '@xyflow/react/dist/style.css';
import './styles.css';
import type { ReactFlowInstance } from '@xyflow/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { blueprint } from '../shared/blueprints';
import { App } from './app/App';
import { AppProvider } from './app/AppContext';
import type { AppContext } from './app/context';
import { withLayout } from './app/documentIO';
import { createBrowserHost } from './host/browserHost';
import { createElectronHost, type HostBridge } from './host/electronHost';
import { emptyDiagram } from './state/commands';
import { EditorStore } from './state/store';
import { showStudy } from './study/study';
import { createLayoutClient } from './workers/clients';
import { readRoomLink } from './live/links';
import { joinRoom } from './live/start';

/** The blueprint a browser session opens with: `?blueprint=<slug>`, else video recommendation. */
const DEFAULT_BLUEPRINT = 'video-recommendation';

async function start(): Promise<void> {
  const bridge = (window as unknown as { mlsdHost?: HostBridge }).mlsdHost;
  const host = bridge ? createElectronHost(bridge) : createBrowserHost();
  const slug = new URLSearchParams(window.location.search).get('blueprint') ?? DEFAULT_BLUEPRINT;
  const prefersDark = window.matchMedia?.('(prefers-color-scheme: dark)').matches;
  const store = new EditorStore(emptyDiagram(), { name: 'Untitled.mlsd.json', ref: null }, prefersDark ? 'dark' : 'light');
  let flow: ReactFlowInstance | null = null;
  const ctx: AppContext = {
    store, host, bridge, layout: createLayoutClient(),
    flow: () => flow,
    setFlow: (instance) => void (flow = instance),
    mac: /Mac|iPhone|iPad/.test(navigator.platform),
  };
  const initial = blueprint(slug);
  if (initial) {
    store.load(await withLayout(ctx, initial), { name: `${slug}.mlsd.json`, ref: null });
    showStudy(store);
  }
  else store.set({ notice: `No blueprint "${slug}"; starting empty.` });
  const room = readRoomLink(window.location.search);
  if (room) void joinRoom(store, room);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppProvider value={ctx}>
        <App />
      </AppProvider>
    </StrictMode>,
  );
}

void start();
