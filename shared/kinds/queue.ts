import { defineKind } from './define';

/** A durable log or message queue between producers and consumers. */
export const queue = defineKind({
  id: 'queue',
  label: 'Queue',
  description: 'Durable log or message queue between producers and consumers (e.g. Kafka).',
  synonyms: ['Kafka', 'Kinesis', 'Pub/Sub', 'SQS', 'RabbitMQ', 'event log', 'message bus', 'stream'],
  icon: 'list-ordered',
  colour: '#f97316',
  category: 'pipeline',
  blocks: ['latency', 'capacity', 'storage', 'cost'],
  defaults: {
    latency: { p50Ms: 2, p99Ms: 10 },
    capacity: { replicas: 'auto', concurrency: 256, targetUtilization: 0.6, minReplicas: 3 },
    storage: { bytesPerItem: 1_000, growthItemsPerDay: 'traffic', retentionDays: 7, replication: 3 },
    cost: { instance: 'm7i.xlarge', storageClass: 'ssd' },
  },
});
