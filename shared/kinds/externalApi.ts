import { defineKind } from './define';

/** A third-party service outside the system's control. */
export const externalApi = defineKind({
  id: 'externalApi',
  label: 'External API',
  description: 'A third-party service outside your control (maps, payments, LLM APIs).',
  synonyms: ['third party', 'LLM API', 'OpenAI', 'payments', 'maps API', 'SaaS'],
  icon: 'globe',
  colour: '#94a3b8',
  category: 'serving',
  blocks: ['latency', 'capacity', 'cache', 'cost'],
  defaults: {
    latency: { p50Ms: 50, p99Ms: 300 },
  },
});
