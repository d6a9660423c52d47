import { defineKind } from './define';

/** Model training or fine-tuning on accelerators. */
export const training = defineKind({
  id: 'training',
  label: 'Training',
  description: 'Model training or fine-tuning on GPUs.',
  synonyms: ['fine-tuning', 'PyTorch', 'TensorFlow', 'GPU training', 'retraining', 'trainer'],
  icon: 'dumbbell',
  colour: '#7c3aed',
  category: 'ml',
  blocks: ['latency', 'capacity', 'storage', 'cost'],
  defaults: {
    capacity: { replicas: 1 },
    cost: { instance: 'p4d.24xlarge' },
  },
});
