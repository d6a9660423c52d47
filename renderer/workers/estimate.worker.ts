/// <reference lib="webworker" />
import { estimate } from '../../shared/estimator/estimate';
import type { EstimateRequest, EstimateResponse } from './messages';

// Estimates off the main thread, so typing and dragging never wait for the figures.
self.onmessage = (event: MessageEvent<EstimateRequest>) => {
  const { seq, doc, trafficMultiplier, fixedFleet } = event.data;
  let response: EstimateResponse;
  try {
    response = { seq, result: estimate(doc, { trafficMultiplier, fixedFleet }) };
  } catch (error) {
    response = { seq, error: error instanceof Error ? error.message : String(error) };
  }
  (self as unknown as Worker).postMessage(response);
};
