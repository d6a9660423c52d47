import { defineKind } from './define';

/** A transactional or key-value database. */
export const database = defineKind({
  id: 'database',
  label: 'Database',
  description: 'Transactional or key-value database (e.g. PostgreSQL, Cassandra).',
  synonyms: ['PostgreSQL', 'Postgres', 'MySQL', 'Cassandra', 'DynamoDB', 'Bigtable', 'HBase', 'MongoDB', 'SQL', 'key-value store'],
  icon: 'database',
  colour: '#22c55e',
  category: 'data',
  blocks: ['latency', 'capacity', 'cache', 'storage', 'cost'],
  defaults: {
    latency: { p50Ms: 2, p99Ms: 10 },
    capacity: { replicas: 'auto', concurrency: 16, targetUtilization: 0.6, minReplicas: 2 },
    storage: { items: 100_000_000, bytesPerItem: 1_000, replication: 3 },
    cost: { instance: 'r7i.2xlarge', storageClass: 'ssd' },
  },
});
