import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from '../canvas/Canvas';
import { ExportDialog } from '../export/ExportDialog';
import { SimulateDialog } from '../simulate/SimulateDialog';
import { BottomPanel } from '../panels/Diagnostics';
import { Inspector } from '../panels/inspector/Inspector';
import { Palette } from '../panels/Palette';
import { figuresHidden, useEditor } from '../state/store';
import { CompareDialog } from '../practice/CompareDialog';
import { PracticePanel } from '../practice/PracticePanel';
import { PracticeStartDialog } from '../practice/PracticeStartDialog';
import { useApp } from './AppContext';
import { BlueprintPicker, LoadProblemsDialog, Notice, ShortcutsDialog } from './Dialogs';
import { RecoveryBanner } from './Recovery';
import { Toolbar } from './Toolbar';
import { useActionBindings } from './useActions';
import { useDocumentSafety } from './useDocumentSafety';
import { useEstimate } from './useEstimate';
import { useFileDrop } from './useFileDrop';

/** The main window: toolbar, palette, canvas, inspector and the diagnostics panel. */
export function App() {
  const { store } = useApp();
  const theme = useEditor(store, (s) => s.theme);
  const dialog = useEditor(store, (s) => s.dialog);
  const live = useEstimate();
  const hidden = useEditor(store, figuresHidden);
  const sidePanel = useEditor(store, (s) => s.sidePanel);
  const practising = useEditor(store, (s) => s.practice !== null);
  // During practice the figures stay hidden until the person's own estimate is in.
  const estimate = hidden ? null : live;
  useActionBindings();
  useDocumentSafety();
  useFileDrop();
  return (
    <ReactFlowProvider>
      <div className={`app theme-${theme}`} data-theme={theme}>
        <Toolbar estimate={estimate} hidden={hidden} />
        <RecoveryBanner />
        <main className="workspace">
          <Palette />
          <Canvas estimate={estimate} />
          <aside className="side">
            {practising && (
              <div role="tablist" className="tabs side-tabs">
                <button role="tab" aria-selected={sidePanel === 'inspector'} onClick={() => store.set({ sidePanel: 'inspector' })}>Inspector</button>
                <button role="tab" aria-selected={sidePanel === 'practice'} onClick={() => store.set({ sidePanel: 'practice' })}>Practice</button>
              </div>
            )}
            {practising && sidePanel === 'practice' ? <PracticePanel estimate={live} /> : <Inspector estimate={estimate} />}
          </aside>
        </main>
        <BottomPanel estimate={estimate} hidden={hidden} />
        {dialog === 'blueprints' && <BlueprintPicker />}
        {dialog === 'shortcuts' && <ShortcutsDialog />}
        {dialog === 'export' && <ExportDialog />}
        {dialog === 'practice' && <PracticeStartDialog />}
        {dialog === 'compare' && <CompareDialog />}
        {dialog === 'simulate' && <SimulateDialog />}
        <LoadProblemsDialog />
        <Notice />
      </div>
    </ReactFlowProvider>
  );
}
