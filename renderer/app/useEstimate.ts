import { useEffect, useRef, useState } from 'react';
import type { Estimate } from '../../shared/estimator/output';
import { effectiveMultiplier, useEditor } from '../state/store';
import { createEstimateClient, type EstimateClient } from '../workers/clients';
import { useApp } from './AppContext';

/** Wait after the last edit before estimating, so a typing burst costs one estimate. */
export const ESTIMATE_DEBOUNCE_MS = 60;

/** The live estimate of the open document, computed in a worker; the latest edit always wins. */
export function useEstimate(): Estimate | null {
  const { store } = useApp();
  const doc = useEditor(store, (s) => s.doc);
  const multiplier = useEditor(store, effectiveMultiplier);
  const fixedFleet = useEditor(store, (s) => multiplier !== 1 && s.fixedFleet === true);
  const [estimate, setEstimate] = useState<Estimate | null>(null);
  const client = useRef<EstimateClient | null>(null);
  const latest = useRef(0);
  useEffect(() => {
    client.current ??= createEstimateClient();
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      client.current!.estimate(doc, multiplier, fixedFleet).then(
        (result) => {
          if (ticket === latest.current) setEstimate(result);
        },
        (error: unknown) => store.set({ notice: `Estimate failed: ${error instanceof Error ? error.message : String(error)}` }),
      );
    }, ESTIMATE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [doc, multiplier, fixedFleet, store]);
  return estimate;
}
