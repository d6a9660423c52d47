import { defineKind } from './define';

/** Blob storage for media, models and datasets. */
export const objectStore = defineKind({
  id: 'objectStore',
  label: 'Object store',
  description: 'Blob storage for images, videos, models and datasets (e.g. S3).',
  synonyms: ['S3', 'GCS', 'blob storage', 'Azure Blob', 'bucket'],
  icon: 'archive',
  colour: '#84cc16',
  category: 'data',
  blocks: ['latency', 'storage', 'cost'],
  defaults: {
    latency: { p50Ms: 20, p99Ms: 80 },
    storage: { items: 1_000_000_000, bytesPerItem: 500_000 },
    cost: { storageClass: 's3-standard' },
  },
});
