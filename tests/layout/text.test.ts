import { describe, expect, it } from 'vitest';
import { nodeSize, NODE_MAX_WIDTH, NODE_MIN_WIDTH, NODE_TEXT_LEFT, NODE_TEXT_RIGHT } from '../../shared/layout/sizes';
import { measureText, wrapLabel } from '../../shared/layout/text';
import { unwrapped } from './unwrapped';


describe('text measurement', () => {
  it('measures with Arial metrics: "M" is 0.833 em, "i" 0.222 em, bold "W" 0.944 em', () => {
    expect(measureText('M', 1000)).toBe(833);
    expect(measureText('i', 10)).toBeCloseTo(2.22);
    expect(measureText('W', 13, true)).toBeCloseTo(12.272);
    expect(measureText('ab', 13)).toBeCloseTo(measureText('a', 13) + measureText('b', 13));
  });

  it('gives a character the table lacks a full em when wide (CJK, emoji as one character) and 0.6 em otherwise', () => {
    expect(measureText('→', 1000)).toBe(1000);
    expect(measureText('≥', 1000)).toBe(549);
    expect(measureText('中', 1000)).toBe(1000);
    expect(measureText('😀', 1000)).toBe(1000);
    expect(measureText('a😀b', 1000)).toBe(measureText('ab', 1000) + 1000);
    expect(measureText('Ω', 1000)).toBe(600);
  });

  it('wraps at spaces, keeping every word and each line within the width', () => {
    const text = 'Two-tower ANN over 10B videos (16 shards, PQ)';
    const lines = wrapLabel(text, 150, 13, 3, true);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(measureText(line, 13, true)).toBeLessThanOrEqual(150);
    expect(lines.join(' ')).toBe(text);
  });

  it('breaks a word too long for a line inside it, and loses no character', () => {
    const text = 'Supercalifragilisticexpialidocious-embedding-refresh-pipeline';
    const lines = wrapLabel(text, 120, 13, 3);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(text);
    for (const line of lines) expect(measureText(line, 13)).toBeLessThanOrEqual(120);
  });

  it('widens past the asked width rather than cut text that needs more lines than allowed', () => {
    const text = 'word '.repeat(40).trim();
    const lines = wrapLabel(text, 100, 13, 3);
    expect(lines).toHaveLength(3);
    expect(unwrapped(lines, text)).toBe(true);
  });
});

describe('node boxes', () => {
  it('keeps a short name on one line in the narrowest box', () => {
    expect(nodeSize('API gateway')).toMatchObject({ width: NODE_MIN_WIDTH, height: 84, lines: ['API gateway'] });
  });

  it('wraps a long name to as few lines as the widest box allows, then narrows the box', () => {
    const label = 'Re-ranking (region, freshness, duplicates, fairness)';
    const size = nodeSize(label);
    expect(size.lines.length).toBe(2);
    expect(size.width).toBeLessThanOrEqual(NODE_MAX_WIDTH);
    expect(size.height).toBe(84 + 16);
    for (const line of size.lines) expect(measureText(line, 13, true)).toBeLessThanOrEqual(size.width - NODE_TEXT_LEFT - NODE_TEXT_RIGHT);
    expect(unwrapped(size.lines, label)).toBe(true);
  });

  it('never cuts a 120-character name', () => {
    const label = 'A very long component name that goes on and on about what it does, where it runs and who owns it, up to the limit';
    const size = nodeSize(label);
    expect(size.lines.length).toBeLessThanOrEqual(3);
    expect(unwrapped(size.lines, label)).toBe(true);
  });
});
