import { ReactFlowProvider } from '@xyflow/react';
import { useLayoutEffect } from 'react';
import { Canvas } from '../canvas/Canvas';
import { ExplainProvider } from '../explain/ExplainContext';
import { ExplainPopover } from '../explain/ExplainPopover';
import { ExportDialog } from '../export/ExportDialog';
import { CompareScenariosDialog } from '../scenarios/CompareScenariosDialog';
import { SimulateDialog } from '../simulate/SimulateDialog';
import { BottomPanel } from '../panels/Diagnostics';
import { Inspector } from '../panels/inspector/Inspector';
import { Palette } from '../panels/Palette';
import { figuresHidden, useEditor } from '../state/store';
import { CompareDialog } from '../practice/CompareDialog';
import { PracticePanel } from '../practice/PracticePanel';
import { PracticeStartDialog } from '../practice/PracticeStartDialog';
import { hasWriteUp, useStudyFollowsSelection } from '../study/study';
import { StudyPanel } from '../study/StudyPanel';
import { ReplayDialog } from '../practice/ReplayDialog';
import { usePracticeRecording } from '../practice/useRecording';
import { useApp } from './AppContext';
import { panelShown, readPanels, writePanels } from './panelLayout';
import { PanelToggle } from './PanelToggle';
import { Splitter } from './Splitter';
import { BlueprintPicker, ImportReportDialog, LoadProblemsDialog, Notice, ShortcutsDialog } from './Dialogs';
import { RecoveryBanner } from './Recovery';
import { HostDialog } from '../live/HostDialog';
import { Toolbar } from './Toolbar';
import { useActionBindings } from './useActions';
import { useDocumentSafety } from './useDocumentSafety';
import { useEstimate } from './useEstimate';
import { useFileDrop } from './useFileDrop';

/** Restores the remembered panel layout on start, and remembers every change to it. */
function usePanelMemory(): void {
  const { store } = useApp();
  useLayoutEffect(() => {
    store.set({ panels: readPanels() });
    let last = store.getState().panels;
    return store.subscribe(() => {
      const { panels } = store.getState();
      if (panels === last) return;
      last = panels;
      writePanels(panels);
    });
  }, [store]);
}

/** The main window: toolbar, palette, canvas, inspector and the diagnostics panel. */
export function App() {
  const { store } = useApp();
  const theme = useEditor(store, (s) => s.theme);
  const dialog = useEditor(store, (s) => s.dialog);
  const live = useEstimate();
  const hidden = useEditor(store, figuresHidden);
  const sidePanel = useEditor(store, (s) => s.sidePanel);
  const practising = useEditor(store, (s) => s.practice !== null);
  const studying = useEditor(store, (s) => s.practice === null && hasWriteUp(s.doc));
  useStudyFollowsSelection();
  const shownPanel = practising ? (sidePanel === 'practice' ? 'practice' : 'inspector') : studying && sidePanel === 'study' ? 'study' : 'inspector';
  // During practice the figures stay hidden until the person's own estimate is in.
  const estimate = hidden ? null : live;
  const panels = useEditor(store, (s) => s.panels);
  const [showPalette, showInspector, showBottom] = (['palette', 'inspector', 'bottom'] as const).map((p) => panelShown(panels, p));
  usePanelMemory();
  useActionBindings();
  useDocumentSafety();
  useFileDrop();
  usePracticeRecording();
  return (
    <ReactFlowProvider>
      <ExplainProvider>
        <div className={`app theme-${theme}`} data-theme={theme}>
          <Toolbar estimate={estimate} hidden={hidden} />
          <RecoveryBanner />
          <main className={`workspace${panels.focus ? ' focus' : ''}`}>
            {showPalette ? (
              <>
                <div className="side-slot palette-slot" style={{ width: panels.sizePx.palette }}>
                  <div className="panel-head">Components<PanelToggle action="view.togglePalette" shown name="palette" direction="left" /></div>
                  <Palette />
                </div>
                <Splitter panel="palette" grows="right" />
              </>
            ) : !panels.focus && (
              <div className="rail rail-left"><PanelToggle action="view.togglePalette" shown={false} name="palette" direction="right" /></div>
            )}
            <Canvas estimate={estimate} />
            {showInspector ? (
              <>
                <Splitter panel="inspector" grows="left" />
                <aside className="side-slot side" style={{ width: panels.sizePx.inspector }}>
                  <div className="panel-head">{practising ? 'Inspector and practice' : studying ? 'Inspector and study' : 'Inspector'}<PanelToggle action="view.toggleInspector" shown name="inspector" direction="right" /></div>
                  {(practising || studying) && (
                    <div role="tablist" className="tabs side-tabs">
                      <button role="tab" aria-selected={shownPanel === 'inspector'} onClick={() => store.set({ sidePanel: 'inspector' })}>Inspector</button>
                      {practising
                        ? <button role="tab" aria-selected={shownPanel === 'practice'} onClick={() => store.set({ sidePanel: 'practice' })}>Practice</button>
                        : <button role="tab" aria-selected={shownPanel === 'study'} onClick={() => store.set({ sidePanel: 'study' })}>Study</button>}
                    </div>
                  )}
                  <div className="side-body">
                    {shownPanel === 'practice' ? <PracticePanel estimate={live} /> : shownPanel === 'study' ? <StudyPanel estimate={estimate} /> : <Inspector estimate={estimate} />}
                  </div>
                </aside>
              </>
            ) : !panels.focus && (
              <div className="rail rail-right"><PanelToggle action="view.toggleInspector" shown={false} name="inspector" direction="left" /></div>
            )}
          </main>
          {!panels.focus && <BottomPanel estimate={estimate} hidden={hidden} collapsed={!showBottom} />}
          {dialog === 'blueprints' && <BlueprintPicker />}
          {dialog === 'shortcuts' && <ShortcutsDialog />}
          {dialog === 'export' && <ExportDialog />}
          {dialog === 'practice' && <PracticeStartDialog />}
          {dialog === 'compare' && <CompareDialog />}
          {dialog === 'replay' && <ReplayDialog />}
          {dialog === 'simulate' && <SimulateDialog />}
          {dialog === 'scenarios' && <CompareScenariosDialog />}
          {dialog === 'host' && <HostDialog />}
          <LoadProblemsDialog />
          <ImportReportDialog />
          <Notice />
          <ExplainPopover estimate={estimate} />
        </div>
      </ExplainProvider>
    </ReactFlowProvider>
  );
}
