import { describe, expect, it } from 'vitest';
import { loadClip } from '../../shared/model/load';

const unlabelled = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `n${i}`, kind: 'service', label: '' }));

describe('refusing a clip with several mistakes', () => {
  it('names the first three and counts the rest', () => {
    expect(loadClip({ format: 'mlsd-studio/clip', nodes: unlabelled(3), edges: [] })).toEqual({
      ok: false,
      reason: 'the copied nodes are not valid: nodes[0].label: must not be empty; nodes[1].label: must not be empty; nodes[2].label: must not be empty',
    });
    expect(loadClip({ format: 'mlsd-studio/clip', nodes: unlabelled(5), edges: [] })).toEqual({
      ok: false,
      reason: 'the copied nodes are not valid: nodes[0].label: must not be empty; nodes[1].label: must not be empty; nodes[2].label: must not be empty (and 2 more)',
    });
  });
});
