import { defineKind } from './define';

/** An in-memory key-value cache; calls behind it happen only on a miss. */
export const cache = defineKind({
  id: 'cache',
  label: 'Cache',
  description: 'In-memory key-value cache (e.g. Redis): calls behind it happen only on a miss.',
  synonyms: ['Redis', 'Memcached', 'CDN', 'edge cache', 'key-value cache', 'result cache'],
  icon: 'zap',
  colour: '#f59e0b',
  category: 'data',
  blocks: ['latency', 'capacity', 'cache', 'storage', 'cost'],
  defaults: {
    latency: { p50Ms: 0.5, p99Ms: 2 },
    capacity: { replicas: 'auto', concurrency: 32, targetUtilization: 0.6, minReplicas: 2 },
    cache: { hitRate: 0.8 },
    storage: { items: 10_000_000, bytesPerItem: 1_000, replication: 2 },
    cost: { instance: 'r7i.xlarge', storageClass: 'ram' },
  },
});
