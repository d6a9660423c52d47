import { defineKind } from './define';

/** Watches data and predictions: drift (PSI, KL), quality, alerts, retraining triggers. */
export const monitoring = defineKind({
  id: 'monitoring',
  label: 'Monitoring',
  description: 'Drift on features and predictions (PSI, KL), quality metrics, alerts, retraining triggers.',
  synonyms: ['Prometheus', 'Grafana', 'drift detection', 'observability', 'alerts', 'Evidently', 'metrics'],
  icon: 'activity',
  colour: '#ef4444',
  category: 'operations',
  blocks: ['latency', 'capacity', 'storage', 'cost'],
  defaults: {
    capacity: { replicas: 'auto', concurrency: 64, targetUtilization: 0.6, minReplicas: 1 },
    latency: { p50Ms: 1, p99Ms: 5 },
    storage: { bytesPerItem: 200, growthItemsPerDay: 'traffic', retentionDays: 30 },
    cost: { instance: 'm7i.xlarge', storageClass: 'ssd' },
  },
});
