import { defineKind } from './define';

/** Where load enters: users, devices or an upstream system. */
export const traffic = defineKind({
  id: 'traffic',
  label: 'Traffic',
  description: 'Load entering the system: users, devices or upstream producers.',
  synonyms: ['users', 'clients', 'requests', 'load', 'producers', 'DAU'],
  icon: 'users',
  colour: '#64748b',
  category: 'entry',
  blocks: ['traffic'],
  defaults: { traffic: { dau: 1_000_000, requestsPerUserPerDay: 10, peakToAverage: 2 } },
});
