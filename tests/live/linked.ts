import * as Y from 'yjs';

/** Two documents joined in process, as two clients of one room: every update of one is applied to the other. */
export function linkedDocs(): { a: Y.Doc; b: Y.Doc; pause: () => void; resume: () => void } {
  const a = new Y.Doc();
  const b = new Y.Doc();
  let paused = false;
  const relay = (to: Y.Doc) => (update: Uint8Array, origin: unknown) => {
    if (origin !== 'relay' && !paused) Y.applyUpdate(to, update, 'relay');
  };
  a.on('update', relay(b));
  b.on('update', relay(a));
  return {
    a,
    b,
    pause: () => {
      paused = true;
    },
    resume: () => {
      paused = false;
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b), 'relay');
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'relay');
    },
  };
}
