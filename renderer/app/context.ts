import type { ReactFlowInstance } from '@xyflow/react';
import type { StudioHost } from '../../shared/ipc';
import type { HostBridge } from '../host/electronHost';
import type { EditorStore } from '../state/store';
import type { LayoutClient } from '../workers/clients';

/** Everything an action needs: the editor, the host, layout, and the canvas once it exists. */
export interface AppContext {
  store: EditorStore;
  host: StudioHost;
  bridge?: HostBridge;
  layout: LayoutClient;
  /** The React Flow instance, once the canvas has mounted. */
  flow: () => ReactFlowInstance | null;
  setFlow: (instance: ReactFlowInstance | null) => void;
  mac: boolean;
}
