import { describe, expect, it } from 'vitest';
import { closest } from '../../shared/model/didYouMean';

describe('the name suggested for a typo', () => {
  it('is the nearest one, whatever the order of the names', () => {
    expect(closest('gatway', ['cache', 'gateway', 'gate-way-2'])).toBe('gateway');
    expect(closest('gatway', ['gate-way-2', 'gateway', 'cache'])).toBe('gateway');
  });

  it('among equally near names, the one that starts like the typo', () => {
    expect(closest('cach', ['bach', 'cache'])).toBe('cache');
    expect(closest('cach', ['cache', 'bach'])).toBe('cache');
    expect(closest('ranker', ['banker', 'rankers', 'tanker'])).toBe('rankers');
  });

  it('among names equally near and starting alike, the first listed', () => {
    expect(closest('cach', ['cache', 'cacha'])).toBe('cache');
    expect(closest('cach', ['cacha', 'cache'])).toBe('cacha');
  });
});
