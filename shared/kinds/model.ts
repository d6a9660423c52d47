import * as z from 'zod';
import { defineKind } from './define';
import { count } from './params';

/** A model served online: encoder, ranker, classifier, usually on GPUs. */
export const model = defineKind({
  id: 'model',
  label: 'Model',
  description: 'A model served online (encoder, ranker, classifier), usually on GPUs.',
  synonyms: ['two-tower', 'ranker', 're-ranker', 'reranker', 'scoring', 'classifier', 'encoder', 'embedding model', 'LLM', 'inference', 'Triton', 'TorchServe', 'TensorFlow Serving', 'candidate generation'],
  icon: 'brain',
  colour: '#8b5cf6',
  category: 'ml',
  blocks: ['latency', 'capacity', 'cache', 'storage', 'cost', 'batching'],
  defaults: {
    latency: { p50Ms: 10, p99Ms: 40 },
    capacity: { replicas: 'auto', concurrency: 4, targetUtilization: 0.6, minReplicas: 2 },
    cost: { instance: 'g6.xlarge', storageClass: 'ssd' },
    params: { parameters: 100_000_000, bytesPerParameter: 2 },
  },
  params: {
    schema: z.strictObject({ parameters: count(), bytesPerParameter: count() }),
    fields: [
      { key: 'parameters', label: 'Parameters', unit: 'count' },
      { key: 'bytesPerParameter', label: 'Bytes per parameter', unit: 'bytes' },
    ],
    storageBytes: (p) => p.parameters * p.bytesPerParameter,
  },
});
