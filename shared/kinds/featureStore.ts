import * as z from 'zod';
import { defineKind } from './define';
import { count } from './params';

/** Online feature store: precomputed features by entity, shared with training. */
export const featureStore = defineKind({
  id: 'featureStore',
  label: 'Feature store',
  description: 'Online feature store: precomputed features by entity, shared with training.',
  synonyms: ['Feast', 'Tecton', 'online features', 'feature service'],
  icon: 'table',
  colour: '#10b981',
  category: 'data',
  blocks: ['latency', 'capacity', 'cache', 'storage', 'cost'],
  defaults: {
    latency: { p50Ms: 2, p99Ms: 8 },
    capacity: { replicas: 'auto', concurrency: 32, targetUtilization: 0.6, minReplicas: 2 },
    cost: { instance: 'r7i.2xlarge', storageClass: 'ram' },
    params: { entities: 100_000_000, featuresPerEntity: 200, bytesPerFeature: 4 },
  },
  params: {
    schema: z.strictObject({ entities: count(), featuresPerEntity: count(), bytesPerFeature: count() }),
    fields: [
      { key: 'entities', label: 'Entities', unit: 'count' },
      { key: 'featuresPerEntity', label: 'Features per entity', unit: 'count' },
      { key: 'bytesPerFeature', label: 'Bytes per feature', unit: 'bytes' },
    ],
    storageBytes: (p) => p.entities * p.featuresPerEntity * p.bytesPerFeature,
  },
});
