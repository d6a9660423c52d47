import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from '../canvas/Canvas';
import { ExportDialog } from '../export/ExportDialog';
import { BottomPanel } from '../panels/Diagnostics';
import { Inspector } from '../panels/inspector/Inspector';
import { Palette } from '../panels/Palette';
import { useEditor } from '../state/store';
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
  const estimate = useEstimate();
  useActionBindings();
  useDocumentSafety();
  useFileDrop();
  return (
    <ReactFlowProvider>
      <div className={`app theme-${theme}`} data-theme={theme}>
        <Toolbar estimate={estimate} />
        <RecoveryBanner />
        <main className="workspace">
          <Palette />
          <Canvas estimate={estimate} />
          <aside className="side">
            <Inspector estimate={estimate} />
          </aside>
        </main>
        <BottomPanel estimate={estimate} />
        {dialog === 'blueprints' && <BlueprintPicker />}
        {dialog === 'shortcuts' && <ShortcutsDialog />}
        {dialog === 'export' && <ExportDialog />}
        <LoadProblemsDialog />
        <Notice />
      </div>
    </ReactFlowProvider>
  );
}
