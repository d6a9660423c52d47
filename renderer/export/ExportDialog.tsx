import { useState } from 'react';
import { EXPORT_FORMATS, type Paper } from '../../shared/export/registry';
import { useApp } from '../app/AppContext';
import { Modal } from '../app/Dialogs';
import { useEditor } from '../state/store';
import { copyPicture, defaultChoice, exportTo, type ExportChoice } from './exporting';

const PAPER_LABELS: Record<Paper, string> = { fit: 'Fit to picture', a4: 'A4 landscape', letter: 'Letter landscape' };

/** Export: format, figures on or off, theme, page size, selection only; save to a file or copy to the clipboard. */
export function ExportDialog() {
  const ctx = useApp();
  const selected = useEditor(ctx.store, (s) => s.selection.nodes.length);
  const [formatId, setFormatId] = useState<string>('svg');
  const [choice, setChoice] = useState<ExportChoice>(() => defaultChoice(ctx));
  const [busy, setBusy] = useState(false);
  const format = EXPORT_FORMATS.find((f) => f.id === formatId)!;
  const close = () => ctx.store.set({ dialog: null });
  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await work();
      close();
    } catch (error) {
      ctx.store.set({ notice: `Export failed: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title="Export" onClose={close}>
      <div className="export-form">
        <fieldset>
          <legend>Format</legend>
          {EXPORT_FORMATS.map((f) => (
            <label key={f.id} className="radio">
              <input type="radio" name="format" value={f.id} checked={f.id === formatId} onChange={() => setFormatId(f.id)} />
              {f.label} <span className="muted">.{f.extension}</span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Options</legend>
          <label className="checkbox">
            <input type="checkbox" checked={choice.figures} disabled={!format.takesFigures} onChange={(e) => setChoice({ ...choice, figures: e.currentTarget.checked })} />
            Show live figures (rates, p99, replicas)
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={choice.theme === 'dark'} disabled={!format.takesTheme} onChange={(e) => setChoice({ ...choice, theme: e.currentTarget.checked ? 'dark' : 'light' })} />
            Dark theme
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={choice.selectionOnly} disabled={selected === 0} onChange={(e) => setChoice({ ...choice, selectionOnly: e.currentTarget.checked })} />
            Selection only{selected > 0 ? ` (${selected} nodes)` : ''}
          </label>
          <label className="select">
            Page size
            <select value={choice.paper} disabled={!format.takesPaper} onChange={(e) => setChoice({ ...choice, paper: e.currentTarget.value as Paper })}>
              {(Object.keys(PAPER_LABELS) as Paper[]).map((p) => <option key={p} value={p}>{PAPER_LABELS[p]}</option>)}
            </select>
          </label>
        </fieldset>
      </div>
      <div className="dialog-buttons">
        <button type="button" disabled={busy} onClick={() => void act(() => copyPicture(ctx, 'png', choice))}>Copy as PNG</button>
        <button type="button" disabled={busy} onClick={() => void act(() => copyPicture(ctx, 'svg', choice))}>Copy as SVG</button>
        <button type="button" className="primary" disabled={busy} onClick={() => void act(() => exportTo(ctx, format, choice))}>
          {busy ? 'Exporting…' : `Export ${format.label}`}
        </button>
      </div>
    </Modal>
  );
}
