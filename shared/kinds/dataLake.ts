import { defineKind } from './define';

/** Raw and curated data for training and analysis. */
export const dataLake = defineKind({
  id: 'dataLake',
  label: 'Data lake',
  description: 'Raw and curated data (logs, labels, snapshots) for training and analysis.',
  synonyms: ['data warehouse', 'BigQuery', 'Snowflake', 'Hive', 'Iceberg', 'Delta Lake', 'HDFS', 'logs'],
  icon: 'warehouse',
  colour: '#65a30d',
  category: 'data',
  blocks: ['latency', 'storage', 'cost'],
  defaults: {
    storage: { bytesPerItem: 1_000, growthItemsPerDay: 'traffic', retentionDays: 365, compression: 4 },
    cost: { storageClass: 's3-standard' },
  },
});
