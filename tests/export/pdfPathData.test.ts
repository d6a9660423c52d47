import { describe, expect, it } from 'vitest';
import { linePathOperators, num, pathOperators } from '../../shared/export/pdfPath';

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

describe('the own reading of straight-line paths (every edge, without pdf-lib)', () => {
  it('reads every straight command, absolute and relative, upper and lower case', () => {
    expect(linePathOperators('M1,2 L3,4 H5 V6 Z')).toBe('1 2 m\n3 4 l\n5 4 l\n5 6 l\nh\n');
    expect(linePathOperators('m1,2 l3,4 h5 v6 z')).toBe('1 2 m\n4 6 l\n9 6 l\n9 12 l\nh\n');
    expect(linePathOperators('M0,0 h1 v1 h-1 Z')).toBe('0 0 m\n1 0 l\n1 1 l\n0 1 l\nh\n');
    expect(linePathOperators('M1,2 3,4')).toBe('1 2 m\n3 4 l\n');
    expect(linePathOperators('m1,2 3,4')).toBe('1 2 m\n4 6 l\n');
  });

  it('leaves curves, arcs and letters it does not know to pdf-lib', () => {
    for (const d of ['M0,0 C1,1 2,2 3,3', 'M0,0 Q1,1 2,2', 'M0,7 A7,7 0 1 0 14,7', 'M0,0 S1,1 2,2', 'M0,0 T1,1', 'M0,0 c1,1 2,2 3,3', 'M0,0 a1,1 0 0 0 2,2']) {
      expect(linePathOperators(d), d).toBeUndefined();
    }
  });

  it('leaves malformed data to pdf-lib: numbers before any command or after a close, an odd number in a pair', () => {
    expect(linePathOperators('1,2 3,4')).toBeUndefined();
    expect(linePathOperators('M0,0 Z 3,4')).toBeUndefined();
    expect(linePathOperators('M0,0 z 3,4')).toBeUndefined();
    expect(linePathOperators('M0,0 L1')).toBeUndefined();
    expect(linePathOperators('M0,0 L1 Z')).toBeUndefined();
    expect(linePathOperators('M0 L1,1')).toBeUndefined();
    expect(linePathOperators('M0 L1,1,2')).toBeUndefined();
  });

  it('is the reading a PDF page gets for straight-line paths', () => {
    for (const d of ['M1,2 L3,4 H5 V6 Z', 'm1,2 l3,4 h5 v6 z', 'M10,10 L20,10 Z l5,5', 'M1 2L3 4H-1V0.5z']) {
      expect(pathOperators(d)).toBe(linePathOperators(d));
    }
  });
});

describe('a number in a PDF page\'s content', () => {
  it('is written to a thousandth as String writes the rounded number, for fractions of every size and sign', () => {
    const reference = (value: number) => {
      const rounded = Math.round(value * 1000) / 1000;
      return rounded === 0 ? '0' : String(rounded);
    };
    const values = [0.5, -0.5, 0.0004, -0.0004, 0.0005, -0.0015, 1.0005, 12.3456, -99.9996, 123456.789, 0.001, 0.01, 0.1, 999.999, 1234567890.1234, 1e11 + 0.25, -(1e11 + 0.125), 1e12 + 0.5, 9.99e14 / 1000 + 0.3, 2 ** 60 + 0.5, 1e13 + 0.1234, -(1e13 + 0.1234), 4e13 + 0.0071];
    for (let i = 1; i < 20_000; i++) values.push(i / 7, -i / 3, (i * 1e9) / 13, i * 0.001 + 0.0004999, Math.sin(i) * 10 ** (i % 16));
    for (const value of values) expect(num(value), String(value)).toBe(reference(value));
    expect([num(2.5), num(-0.25), num(0.0001), num(3.14159), num(-1234.5678)]).toEqual(['2.5', '-0.25', '0', '3.142', '-1234.568']);
  });
});
