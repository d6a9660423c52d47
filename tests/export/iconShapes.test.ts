import { describe, expect, it } from 'vitest';
import { elementPath, iconPaths, roundedRectPath, spelledOutPath } from '../../shared/export/iconPaths';
import { ICONS } from '../../shared/icons';

describe('an icon\'s elements as path data', () => {
  it('draws circles and ellipses as two arcs from their leftmost point, a missing centre at 0', () => {
    expect(elementPath('circle', { cx: 12, cy: 12, r: 10 })).toBe('M2,12 A10,10 0 1 0 22,12 A10,10 0 1 0 2,12 Z');
    expect(elementPath('circle', { r: 2 })).toBe('M-2,0 A2,2 0 1 0 2,0 A2,2 0 1 0 -2,0 Z');
    expect(elementPath('ellipse', { cx: 12, cy: 5, rx: 9, ry: 3 })).toBe('M3,5 A9,3 0 1 0 21,5 A9,3 0 1 0 3,5 Z');
    expect(elementPath('ellipse', { cx: '12', cy: '5', rx: '9', ry: '3' })).toBe('M3,5 A9,3 0 1 0 21,5 A9,3 0 1 0 3,5 Z');
  });

  it('draws rectangles with their corners rounded by rx, or ry when rx is absent', () => {
    expect(elementPath('rect', { x: 2, y: 3, width: 20, height: 8, rx: 2 })).toBe('M4,3 H20 A2,2 0 0 1 22,5 V9 A2,2 0 0 1 20,11 H4 A2,2 0 0 1 2,9 V5 A2,2 0 0 1 4,3 Z');
    expect(elementPath('rect', { width: 10, height: 10, ry: 3 })).toBe('M3,0 H7 A3,3 0 0 1 10,3 V7 A3,3 0 0 1 7,10 H3 A3,3 0 0 1 0,7 V3 A3,3 0 0 1 3,0 Z');
    expect(elementPath('rect', { x: 1, y: 2, width: 10, height: 20 })).toBe('M1,2 H11 V22 H1 Z');
  });

  it('draws lines, polylines and closed polygons through their points', () => {
    expect(elementPath('line', { x1: 1, y1: 2, x2: 3, y2: 4 })).toBe('M1,2 L3,4');
    expect(elementPath('polyline', { points: '1,2 3,4 5,6' })).toBe('M1,2 L3,4 L5,6');
    expect(elementPath('polygon', { points: ' 1 2, 3 4  5 6 ' })).toBe('M1,2 L3,4 L5,6 Z');
    // A lone last number is no point; no points, no shape.
    expect(elementPath('polyline', { points: '1,2 3,4 5' })).toBe('M1,2 L3,4');
    expect(elementPath('polygon', {})).toBeNull();
    expect(elementPath('polyline', { points: '  ' })).toBeNull();
  });

  it('spells out a path element\'s data and draws nothing for elements that are not shapes', () => {
    expect(elementPath('path', { d: 'M2 4a1 1 0 00-1 1' })).toBe('M 2 4 a 1 1 0 0 0 -1 1');
    expect(elementPath('path', {})).toBe('');
    expect(elementPath('text', { x: 1, y: 2 })).toBeNull();
    expect(elementPath('g', {})).toBeNull();
  });
});

describe('a rounded rectangle', () => {
  it('rounds each corner by r, at most half the shorter side, never less than square', () => {
    expect(roundedRectPath(0, 0, 10, 40, 50)).toBe('M5,0 H5 A5,5 0 0 1 10,5 V35 A5,5 0 0 1 5,40 H5 A5,5 0 0 1 0,35 V5 A5,5 0 0 1 5,0 Z');
    expect(roundedRectPath(0, 0, 40, 10, 50)).toBe('M5,0 H35 A5,5 0 0 1 40,5 V5 A5,5 0 0 1 35,10 H5 A5,5 0 0 1 0,5 V5 A5,5 0 0 1 5,0 Z');
    expect(roundedRectPath(1, 2, 10, 20, -3)).toBe('M1,2 H11 V22 H1 Z');
    expect(roundedRectPath(1, 2, 10, 20, 0)).toBe('M1,2 H11 V22 H1 Z');
  });
});

describe('path data spelled out', () => {
  it('reads arc flags written together one digit each, arc after arc', () => {
    expect(spelledOutPath('a1 1 0 0110 10 1 1 0 105 5')).toBe('a 1 1 0 0 1 10 10 1 1 0 1 0 5 5');
    expect(spelledOutPath('M0 0A2 2 0 1012 2')).toBe('M 0 0 A 2 2 0 1 0 12 2');
  });

  it('keeps exponents, signs and bare decimals, and skips any run of spaces and commas', () => {
    expect(spelledOutPath('M1e2,-2.5E-12L.5+3')).toBe('M 1e2 -2.5E-12 L .5 +3');
    expect(spelledOutPath(' ,  M1,,2  l3 , 4')).toBe('M 1 2 l 3 4');
    expect(spelledOutPath('M123.45 6L.25,.5')).toBe('M 123.45 6 L .25 .5');
  });

  it('reads any command but an arc\'s numbers as numbers, however many follow it', () => {
    expect(spelledOutPath('M0 0 10 20 30 40 50')).toBe('M 0 0 10 20 30 40 50');
    expect(spelledOutPath('c1 2 3 4 25 6 7 8 29 10 11 12')).toBe('c 1 2 3 4 25 6 7 8 29 10 11 12');
  });

  it('stops where the data cannot be read, keeping what came before', () => {
    expect(spelledOutPath('M1 2 L# 3')).toBe('M 1 2 L');
    // An arc's flags are 0 or 1 only.
    expect(spelledOutPath('A1 1 0 2 0 3 3')).toBe('A 1 1 0');
  });
});

describe('a kind\'s icon', () => {
  it('is each of its elements as path data, the server\'s for an unknown name', () => {
    const server = iconPaths('server');
    expect(server).toHaveLength(ICONS.server!.length);
    expect(server[0]).toMatch(/^M/);
    expect(iconPaths('no such icon')).toEqual(server);
    expect(iconPaths('database')).not.toEqual(server);
  });

  it('gives a copy each time: changing one leaves the next intact', () => {
    const first = iconPaths('database');
    const length = first.length;
    first.push('M0,0');
    expect(iconPaths('database')).toHaveLength(length);
  });
});
