/// <reference lib="webworker" />
import { answerGeometry, type GeometryRequest } from './geometry';

// Edge routes and caption places of a large diagram, computed off the main thread so dragging stays smooth.
self.onmessage = (event: MessageEvent<GeometryRequest>) => {
  (self as unknown as Worker).postMessage(answerGeometry(event.data));
};
