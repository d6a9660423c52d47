import { defineKind } from './define';

/** Scheduled batch computation: feature backfills, candidate generation, ETL. */
export const batchJob = defineKind({
  id: 'batchJob',
  label: 'Batch job',
  description: 'Scheduled batch computation: feature backfills, precomputation, ETL (e.g. Spark).',
  synonyms: ['Spark', 'Airflow', 'ETL', 'MapReduce', 'dbt', 'backfill', 'cron', 'offline job'],
  icon: 'calendar-clock',
  colour: '#ea580c',
  category: 'pipeline',
  blocks: ['latency', 'capacity', 'storage', 'cost'],
  defaults: {
    capacity: { replicas: 10 },
    cost: { instance: 'm7i.4xlarge' },
  },
});
