import { call, diagramOf, svc, users } from './build';

/**
 * An entry calling three pools of 8 servers with parallel calls of 4, 6 and 8
 * copies (sampled for their batches), and a pool of 4 servers with 3 copies
 * in turn at 75% busy (sampled for its waits, with the time after its own),
 * which the first entry also calls with 2 copies together.
 */
export function poolsDesign() {
  const parallel = [4, 6, 8].map((c) => svc(`pool${c}`, 20 / c, 80 / c, { capacity: { replicas: 8, concurrency: 1 } }));
  const inTurn = svc('turns', 4, 16, { capacity: { replicas: 4, concurrency: 1 } });
  return diagramOf(
    [users(100), svc('api', 1, 2), ...parallel, inTurn, users(150, 'batch'), svc('after', 2, 5)],
    [
      call('users', 'api'),
      ...[4, 6, 8].map((c) => call('api', `pool${c}`, { calls: c })),
      call('batch', 'turns', { calls: 3, fanout: 'sequential' }),
      call('api', 'turns', { calls: 2 }),
      call('turns', 'after'),
    ],
  );
}

/** The bytes of each list of numbers, by its key: equal when the numbers are, bit for bit (and far faster to compare than the numbers). */
export const bytesOf = (lists: Map<number, Float64Array>) =>
  [...lists].map(([key, values]) => [key, Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64')]);
