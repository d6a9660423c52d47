import * as z from 'zod';
import { defineKind } from './define';
import { count } from './params';

/** Versioned store of trained models between training and serving. */
export const modelRegistry = defineKind({
  id: 'modelRegistry',
  label: 'Model registry',
  description: 'Versioned trained models with metadata, between training and serving.',
  synonyms: ['MLflow', 'model store', 'model versions', 'artifact store'],
  icon: 'package',
  colour: '#a855f7',
  category: 'ml',
  blocks: ['latency', 'storage', 'cost'],
  defaults: {
    cost: { storageClass: 's3-standard' },
    params: { versionsKept: 50, modelBytes: 2_000_000_000 },
  },
  params: {
    schema: z.strictObject({ versionsKept: count(), modelBytes: count() }),
    fields: [
      { key: 'versionsKept', label: 'Versions kept', unit: 'count' },
      { key: 'modelBytes', label: 'Model size', unit: 'bytes' },
    ],
    storageBytes: (p) => p.versionsKept * p.modelBytes,
  },
});
