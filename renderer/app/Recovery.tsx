import { useEffect, useState } from 'react';
import type { RecoveryCopy } from '../../shared/ipc';
import { loadDiagram } from '../../shared/model/load';
import { formatProblem } from '../../shared/model/problems';
import { RECOVERY_MAX_AGE_MS } from '../../shared/recovery';
import { useApp } from './AppContext';
import { confirmDiscard, withLayout, writeRecoveryCopy } from './documentIO';

/** An orphaned copy as offered: readable (with its node count) or not (with why). */
type Offer = RecoveryCopy & ({ ok: true; nodeCount: number } | { ok: false; reason: string });

function check(copy: RecoveryCopy): Offer {
  const result = loadDiagram(copy.content);
  if (result.ok) return { ...copy, ok: true, nodeCount: result.diagram.nodes.length };
  return { ...copy, ok: false, reason: result.problems.slice(0, 2).map(formatProblem).join('; ') };
}

const DAYS_KEPT = Math.round(RECOVERY_MAX_AGE_MS / 86_400_000);

/**
 * Offers back work that was autosaved but never saved by windows or tabs that
 * are gone (crashed, killed, closed without saving): every such copy, with
 * its name, time and node count, to restore or discard. Copies of tabs still
 * open are not offered; a copy is checked like a file before it is restored.
 */
export function RecoveryBanner() {
  const ctx = useApp();
  const [offers, setOffers] = useState<Offer[]>([]);
  useEffect(() => {
    let live = true;
    void ctx.host.listRecovery().then((copies) => live && setOffers(copies.map(check)));
    return () => {
      live = false;
    };
  }, [ctx]);
  if (offers.length === 0) return null;
  const done = (slot: string) => setOffers((list) => list.filter((o) => o.slot !== slot));
  const restore = async (offer: Offer) => {
    const result = loadDiagram(offer.content);
    if (!result.ok || !(await confirmDiscard(ctx))) return;
    // Recovered work is unsaved until the person saves it.
    ctx.store.load(await withLayout(ctx, result.diagram), { name: offer.name, ref: offer.ref }, true);
    // The work moves into this tab's own slot before the orphan's copy goes, so a crash in between loses nothing.
    const problem = await writeRecoveryCopy(ctx);
    if (problem) ctx.store.set({ notice: problem });
    else await ctx.host.discardRecovery({ slot: offer.slot });
    done(offer.slot);
  };
  const discard = async (offer: Offer) => {
    done(offer.slot);
    await ctx.host.discardRecovery({ slot: offer.slot });
  };
  return (
    <section className="recovery" role="alert" aria-label="Recovered work">
      <span>Unsaved work from windows that closed without saving (kept {DAYS_KEPT} days):</span>
      <ul className="recovery-list">
        {offers.map((offer) => (
          <li key={offer.slot} aria-label={`Recovered ${offer.name}`}>
            <strong>{offer.name}</strong>, {new Date(offer.savedAtMs).toLocaleString()},{' '}
            {offer.ok ? `${offer.nodeCount} node${offer.nodeCount === 1 ? '' : 's'}` : `cannot be restored: ${offer.reason}`}
            {offer.ok && <button type="button" onClick={() => void restore(offer)}>Restore it</button>}
            <button type="button" onClick={() => void discard(offer)}>Discard</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
