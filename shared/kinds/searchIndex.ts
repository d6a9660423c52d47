import * as z from 'zod';
import { defineKind } from './define';
import { count, factor } from './params';

/** Inverted text index (Elasticsearch, Lucene). */
export const searchIndex = defineKind({
  id: 'searchIndex',
  label: 'Search index',
  description: 'Inverted text index for keyword retrieval (e.g. Elasticsearch).',
  synonyms: ['Elasticsearch', 'OpenSearch', 'Solr', 'Lucene', 'BM25', 'inverted index', 'full-text search'],
  icon: 'search',
  colour: '#06b6d4',
  category: 'data',
  blocks: ['latency', 'capacity', 'cache', 'storage', 'cost'],
  defaults: {
    latency: { p50Ms: 5, p99Ms: 25 },
    capacity: { replicas: 'auto', concurrency: 8, targetUtilization: 0.6, minReplicas: 2 },
    cost: { instance: 'r7i.2xlarge', storageClass: 'ssd' },
    params: { documents: 100_000_000, bytesPerDocument: 2_000, indexOverhead: 1.3 },
  },
  params: {
    schema: z.strictObject({ documents: count(), bytesPerDocument: count(), indexOverhead: factor() }),
    fields: [
      { key: 'documents', label: 'Documents', unit: 'count' },
      { key: 'bytesPerDocument', label: 'Bytes per document', unit: 'bytes' },
      { key: 'indexOverhead', label: 'Index overhead', unit: 'x' },
    ],
    storageBytes: (p) => p.documents * p.bytesPerDocument * p.indexOverhead,
  },
});
