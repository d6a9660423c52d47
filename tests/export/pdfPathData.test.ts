import { describe, expect, it } from 'vitest';
import { num, pathOperators } from '../../shared/export/pdfPath';

describe('numbers in a PDF page\'s content', () => {
  it('are written to a thousandth, never as an exponent or a negative zero', () => {
    expect(num(0.12345)).toBe('0.123');
    expect(num(-2.0004)).toBe('-2');
    expect(num(123_456_789.12345)).toBe('123456789.123');
    expect(num(1e-7)).toBe('0');
    expect(num(-0.0001)).toBe('0');
    expect(num(42)).toBe('42');
  });

  it('of curves read through pdf-lib are rounded the same way', () => {
    expect(pathOperators('M0.0001,0 C0.12345,-0.5 1,1 2,2')).toBe('0 0 m\n0.123 -0.5 1 1 2 2 c\n');
    expect(pathOperators('M0,7 A7,7 0 1 0 14,7')).not.toMatch(/\d\.\d{4}/);
  });
});

describe('straight-line path data', () => {
  it('reads pairs after a move as lines, and every command\'s numbers however spaced', () => {
    expect(pathOperators('M1,2 3,4 5,6')).toBe('1 2 m\n3 4 l\n5 6 l\n');
    expect(pathOperators('M1 2L3 4H-1V0.5z')).toBe('1 2 m\n3 4 l\n-1 4 l\n-1 0.5 l\nh\n');
    expect(pathOperators('m1,1 l2,0 v3 h-2 z m5,5 l1,1')).toBe('1 1 m\n3 1 l\n3 4 l\n1 4 l\nh\n6 6 m\n7 7 l\n');
    expect(pathOperators('M1e1,2E0 L-1.5e-1,.5')).toBe('10 2 m\n-0.15 0.5 l\n');
  });

  it('returns to the start of the figure after a close, for the commands that follow', () => {
    expect(pathOperators('M10,10 L20,10 Z l5,5')).toBe('10 10 m\n20 10 l\nh\n15 15 l\n');
    expect(pathOperators('M10,10 L20,10 Z h5')).toBe('10 10 m\n20 10 l\nh\n15 10 l\n');
  });
});
