import { defineKind } from './define';

/** Human or programmatic labelling of examples. */
export const labeling = defineKind({
  id: 'labeling',
  label: 'Labeling',
  description: 'Human review and annotation that turns examples into labels.',
  synonyms: ['annotation', 'human review', 'Label Studio', 'moderators', 'raters'],
  icon: 'tag',
  colour: '#e11d48',
  category: 'operations',
  blocks: ['latency', 'capacity', 'storage', 'cost'],
  defaults: {
    storage: { bytesPerItem: 2_000, growthItemsPerDay: 10_000, retentionDays: 3_650 },
    cost: { storageClass: 's3-standard' },
  },
});
