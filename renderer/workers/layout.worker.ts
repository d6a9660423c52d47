/// <reference lib="webworker" />
import ELK from 'elkjs/lib/elk.bundled.js';
import { layoutDiagram } from '../../shared/layout/elkGraph';
import { warmUpLayout } from '../../shared/layout/warmUp';
import type { LayoutRequest, LayoutResponse } from './messages';

const elk = new ELK();
let asked = false;
// While nobody waits, lay out a small design a few times, so the first auto layout runs on compiled code.
void warmUpLayout(elk, undefined, () => asked).catch(() => undefined);

// ELK's layered layout runs here, off the main thread.
self.onmessage = async (event: MessageEvent<LayoutRequest>) => {
  asked = true;
  const { seq, doc, only } = event.data;
  let response: LayoutResponse;
  try {
    const { positions, routes } = await layoutDiagram(doc, elk, only ? new Set(only) : undefined);
    response = { seq, positions: [...positions], routes: [...routes] };
  } catch (error) {
    response = { seq, error: error instanceof Error ? error.message : String(error) };
  }
  (self as unknown as Worker).postMessage(response);
};
