import * as z from 'zod';
import { defineKind } from './define';
import { count, factor } from './params';

/** Approximate nearest-neighbour index over embeddings (HNSW, IVF-PQ). */
export const vectorIndex = defineKind({
  id: 'vectorIndex',
  label: 'Vector index',
  description: 'Approximate nearest-neighbour search over embeddings (HNSW, IVF-PQ).',
  synonyms: ['ANN', 'FAISS', 'ScaNN', 'HNSW', 'IVF-PQ', 'Milvus', 'Pinecone', 'vector database', 'embedding retrieval', 'nearest neighbour', 'candidate generation', 'retrieval'],
  icon: 'scan-search',
  colour: '#14b8a6',
  category: 'data',
  blocks: ['latency', 'capacity', 'cache', 'storage', 'cost'],
  defaults: {
    latency: { p50Ms: 2, p99Ms: 10 },
    capacity: { replicas: 'auto', concurrency: 8, targetUtilization: 0.6, minReplicas: 2 },
    cost: { instance: 'r7i.2xlarge', storageClass: 'ram' },
    params: { vectors: 100_000_000, dimensions: 256, bytesPerDimension: 4, indexOverhead: 1.5 },
  },
  params: {
    schema: z.strictObject({
      vectors: count(),
      dimensions: count(),
      bytesPerDimension: count(),
      indexOverhead: factor(),
    }),
    fields: [
      { key: 'vectors', label: 'Vectors', unit: 'count' },
      { key: 'dimensions', label: 'Dimensions', unit: 'count' },
      { key: 'bytesPerDimension', label: 'Bytes per dimension', unit: 'bytes' },
      { key: 'indexOverhead', label: 'Index overhead', unit: 'x' },
    ],
    storageBytes: (p) => p.vectors * p.dimensions * p.bytesPerDimension * p.indexOverhead,
  },
});
