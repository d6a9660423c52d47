import { defineKind } from './define';

/** Continuous computation over event streams: counters, windows, joins. */
export const streamProcessor = defineKind({
  id: 'streamProcessor',
  label: 'Stream processor',
  description: 'Continuous computation over event streams: counters, windows, joins (e.g. Flink).',
  synonyms: ['Flink', 'Spark Streaming', 'Kafka Streams', 'Beam', 'Dataflow', 'real-time features', 'streaming'],
  icon: 'waves',
  colour: '#fb923c',
  category: 'pipeline',
  blocks: ['latency', 'capacity', 'storage', 'cost'],
  defaults: {
    latency: { p50Ms: 1, p99Ms: 5 },
    capacity: { replicas: 'auto', concurrency: 16, targetUtilization: 0.6, minReplicas: 2 },
    cost: { instance: 'm7i.2xlarge' },
  },
});
