import { useEffect, useMemo, useRef, useState } from 'react';
import { edgeGeometry, type EdgeGeometry } from '../../shared/layout/edgeGeometry';
import type { Diagram } from '../../shared/model/schema';
import { LatestGeometry, type GeometryResponse } from '../workers/geometry';

/**
 * From this many nodes the edge geometry is computed in a worker: it takes
 * tens of milliseconds there (about 70-100 ms at 1,000 nodes), too long for
 * every frame of a drag. Below it, it takes a few milliseconds and is
 * computed here, so edges follow a dragged node in the same frame.
 */
export const WORKER_GEOMETRY_MIN_NODES = 200;

/**
 * The geometry of the diagram's edges (see edgeGeometry). For a large
 * diagram it comes from a worker: the canvas keeps drawing the last geometry
 * until the one for the newest nodes and edges arrives, and a drag never
 * waits for it. Where workers cannot start, it is computed here.
 */
export function useEdgeGeometry(nodes: Diagram['nodes'], edges: Diagram['edges']): EdgeGeometry[] {
  const [broken, setBroken] = useState(false);
  const large = nodes.length >= WORKER_GEOMETRY_MIN_NODES && typeof Worker !== 'undefined' && !broken;
  const here = useMemo(() => (large ? null : edgeGeometry({ nodes, edges })), [large, nodes, edges]);
  const [fromWorker, setFromWorker] = useState<EdgeGeometry[]>([]);
  const latest = useRef<LatestGeometry | null>(null);
  useEffect(() => {
    if (!large) return;
    let worker: Worker;
    try {
      worker = new Worker(new URL('../workers/geometry.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      setBroken(true);
      return;
    }
    const runner = new LatestGeometry((request) => worker.postMessage(request), setFromWorker);
    worker.onmessage = (event: MessageEvent<GeometryResponse>) => runner.receive(event.data);
    worker.onerror = () => setBroken(true);
    latest.current = runner;
    return () => {
      worker.terminate();
      latest.current = null;
    };
  }, [large]);
  useEffect(() => {
    if (large) latest.current?.request({ nodes, edges });
  }, [large, nodes, edges]);
  return here ?? fromWorker;
}
