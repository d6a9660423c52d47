import { defineKind } from './define';

/** A/B testing and feature flags: assignment on the request path, analysis offline. */
export const experimentation = defineKind({
  id: 'experimentation',
  label: 'Experimentation',
  description: 'A/B tests and feature flags: assignment online, analysis offline.',
  synonyms: ['A/B test', 'AB test', 'feature flags', 'experiments', 'bandit'],
  icon: 'flask-conical',
  colour: '#db2777',
  category: 'operations',
  blocks: ['latency', 'capacity', 'cache', 'storage', 'cost'],
  defaults: {
    latency: { p50Ms: 0.5, p99Ms: 2 },
    capacity: { replicas: 'auto', concurrency: 64, targetUtilization: 0.6, minReplicas: 2 },
    cost: { instance: 'm7i.xlarge' },
  },
});
