import { defineKind } from './define';

/** A stateless application service on the request path. */
export const service = defineKind({
  id: 'service',
  label: 'Service',
  description: 'Stateless application logic: orchestration, filtering, business rules.',
  synonyms: ['backend', 'microservice', 'server', 'orchestrator', 'app server', 'filter', 'business logic'],
  icon: 'server',
  colour: '#3b82f6',
  category: 'serving',
  blocks: ['latency', 'capacity', 'cache', 'storage', 'cost'],
  defaults: {
    latency: { p50Ms: 5, p99Ms: 20 },
    capacity: { replicas: 'auto', concurrency: 8, targetUtilization: 0.6, minReplicas: 2 },
    cost: { instance: 'm7i.2xlarge' },
  },
});
