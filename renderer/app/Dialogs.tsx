import { useEffect, useMemo, useRef } from 'react';
import { ACTIONS, describeKeys } from '../../shared/actions';
import { blueprint, BLUEPRINT_SLUGS } from '../../shared/blueprints';
import { useApp } from './AppContext';
import { confirmDiscard, openBlueprint } from './documentIO';
import { useEditor } from '../state/store';

/** A modal dialog: focus moves into it, Escape closes it. */
export function Modal({ title, onClose, children }: { title: string; onClose: () => void; children: React.ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  // Focus moves in once, when the dialog opens; later renders must not take it from a field.
  useEffect(() => {
    box.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close.current();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="modal" role="dialog" aria-modal="true" aria-label={title} tabIndex={-1} ref={box}>
        <header>
          <h2>{title}</h2>
          <button type="button" className="close" aria-label="Close" onClick={onClose}>×</button>
        </header>
        {children}
      </div>
    </div>
  );
}

/** Starts a new document from one of the ten case studies. */
export function BlueprintPicker() {
  const ctx = useApp();
  const close = () => ctx.store.set({ dialog: null });
  const items = useMemo(() => BLUEPRINT_SLUGS.map((slug) => ({ slug, diagram: blueprint(slug)! })), []);
  const choose = async (slug: string) => {
    close();
    if (await confirmDiscard(ctx)) await openBlueprint(ctx, slug);
  };
  return (
    <Modal title="New from blueprint" onClose={close}>
      <ul className="blueprint-list">
        {items.map(({ slug, diagram }) => (
          <li key={slug}>
            <button type="button" onClick={() => void choose(slug)}>
              <strong>{diagram.title}</strong>
              <span>{diagram.description}</span>
              <small>{diagram.nodes.length} components{diagram.budgets?.p99Ms ? ` · p99 budget ${diagram.budgets.p99Ms} ms` : ''}</small>
            </button>
          </li>
        ))}
      </ul>
    </Modal>
  );
}

/** Every keyboard shortcut, from the one list the keys are bound from. */
export function ShortcutsDialog() {
  const ctx = useApp();
  return (
    <Modal title="Keyboard shortcuts" onClose={() => ctx.store.set({ dialog: null })}>
      <table className="shortcuts">
        <tbody>
          {ACTIONS.filter((a) => 'keys' in a).map((a) => (
            <tr key={a.id}>
              <td>{a.label}</td>
              <td>{('keys' in a ? a.keys : []).map((k) => <kbd key={k}>{describeKeys(k, ctx.mac)}</kbd>)}</td>
            </tr>
          ))}
          <tr><td>Select several</td><td><kbd>Shift</kbd> + click, or drag a box on empty canvas</td></tr>
          <tr><td>Pan</td><td>Scroll, or drag with the right or middle button</td></tr>
          <tr><td>Rename</td><td>Double-click a node's label</td></tr>
          <tr><td>Label an edge</td><td>Double-click the edge</td></tr>
          <tr><td>Add a component by name</td><td>Double-click empty canvas</td></tr>
          <tr><td>Commands for what is under the pointer</td><td>Right-click, or <kbd>Shift+F10</kbd> on the selection</td></tr>
          <tr><td>Re-attach an edge</td><td>Drag its end onto another node</td></tr>
        </tbody>
      </table>
    </Modal>
  );
}

/** Why a file could not be opened: every problem, each at its place. The open document is untouched. */
export function LoadProblemsDialog() {
  const ctx = useApp();
  const problems = useEditor(ctx.store, (s) => s.loadProblems);
  if (!problems) return null;
  return (
    <Modal title={`${problems.name} could not be opened`} onClose={() => ctx.store.set({ loadProblems: null })}>
      <p>The file was left unchanged, and so was the open document. Fix these and open it again:</p>
      <ul className="load-problems">{problems.problems.map((p, i) => <li key={i}><code>{p}</code></li>)}</ul>
    </Modal>
  );
}

/** What an import read and what it guessed, shown once over the imported document. */
export function ImportReportDialog() {
  const ctx = useApp();
  const report = useEditor(ctx.store, (s) => s.importReport);
  if (!report) return null;
  const close = () => ctx.store.set({ importReport: null });
  const [summary, ...lines] = report.lines;
  return (
    <Modal title={`Imported ${report.name}`} onClose={close}>
      <p>{summary} It is a new document, not saved yet. Check the kinds and figures MLSD Studio guessed:</p>
      {lines.length > 0 && <ul className="import-report">{lines.map((line, i) => <li key={i}>{line}</li>)}</ul>}
      <div className="dialog-buttons"><button type="button" className="primary" onClick={close}>OK</button></div>
    </Modal>
  );
}

/** A short message at the bottom of the window that fades by itself. */
export function Notice() {
  const { store } = useApp();
  const notice = useEditor(store, (s) => s.notice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => store.set({ notice: null }), 4_000);
    return () => clearTimeout(timer);
  }, [notice, store]);
  return notice ? <div className="notice" role="status">{notice}</div> : null;
}
