import { describe, expect, it } from 'vitest';
import { formatLatencyMs } from '../shared/units';

describe('latency in tables and headlines', () => {
  it('is a dash off every request path, infinity when unbounded, else milliseconds or seconds', () => {
    expect(formatLatencyMs(0)).toBe('—');
    expect(formatLatencyMs(null)).toBe('∞');
    expect(formatLatencyMs(31.34)).toBe('31.3 ms');
    expect(formatLatencyMs(1500)).toBe('1.5 s');
    // A quantile at zero of a distribution that is not all zero is a real figure.
    expect(formatLatencyMs(0, true)).toBe('0 ms');
    expect(formatLatencyMs(12, false)).toBe('—');
  });
});
