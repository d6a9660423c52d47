import { defineKind } from './define';

/** Load balancer or API gateway in front of the services. */
export const gateway = defineKind({
  id: 'gateway',
  label: 'Gateway',
  description: 'API gateway or load balancer: authentication, routing, rate limits.',
  synonyms: ['API gateway', 'load balancer', 'LB', 'ingress', 'nginx', 'Envoy', 'reverse proxy', 'rate limiter'],
  icon: 'door-open',
  colour: '#0ea5e9',
  category: 'serving',
  blocks: ['latency', 'capacity', 'cache', 'cost'],
  defaults: {
    latency: { p50Ms: 0.5, p99Ms: 2 },
    capacity: { replicas: 'auto', concurrency: 64, targetUtilization: 0.6, minReplicas: 2 },
    cost: { instance: 'm7i.xlarge' },
  },
});
