import { useEffect, useState } from 'react';
import type { RecoveryEntry } from '../../shared/ipc';
import { loadDiagram } from '../../shared/model/load';
import { useApp } from './AppContext';
import { withLayout } from './documentIO';

/** Offers back work that was autosaved but never saved, after a crash or a closed tab. */
export function RecoveryBanner() {
  const ctx = useApp();
  const [entry, setEntry] = useState<RecoveryEntry | null>(null);
  useEffect(() => {
    void ctx.host.readRecovery().then((found) => setEntry(found && loadDiagram(found.content).ok ? found : null));
  }, [ctx]);
  if (!entry) return null;
  const recover = async () => {
    const result = loadDiagram(entry.content);
    setEntry(null);
    if (!result.ok) return;
    // Recovered work is unsaved until the person saves it.
    ctx.store.load(await withLayout(ctx, result.diagram), { name: entry.name, ref: entry.ref }, true);
  };
  const discard = async () => {
    setEntry(null);
    await ctx.host.clearRecovery();
  };
  return (
    <div className="recovery" role="alert">
      Unsaved work on <strong>{entry.name}</strong> from {new Date(entry.savedAtMs).toLocaleString()} was recovered.
      <button type="button" onClick={() => void recover()}>Restore it</button>
      <button type="button" onClick={() => void discard()}>Discard</button>
    </div>
  );
}
