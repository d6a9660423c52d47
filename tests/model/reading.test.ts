import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDiagram } from '../../shared/model/load';
import { formatProblem } from '../../shared/model/problems';
import { fixturePath } from '../helpers';

const text = () => readFileSync(fixturePath('small-search.mlsd.json'), 'utf8');
const messages = (content: string | Uint8Array) => {
  const result = loadDiagram(content);
  return result.ok ? [] : result.problems.map(formatProblem);
};

describe('reading a file before validating it', () => {
  it('loads the bytes of a valid UTF-8 file, and a file that starts with a byte-order mark', () => {
    expect(loadDiagram(new TextEncoder().encode(text())).ok).toBe(true);
    expect(loadDiagram(`\uFEFF${text()}`).ok).toBe(true);
  });

  it('refuses binary data from its first byte, saying where', () => {
    expect(messages(new Uint8Array([0, 0x7b, 0x7d]))).toEqual(['not a text file (binary data at byte 0)']);
  });

  it('needs one JSON object at the top, not null, a number, text or a list', () => {
    for (const value of ['null', '42', '"diagram"', '[]', 'true']) {
      expect(messages(value), value).toEqual(['not an MLSD Studio diagram: the file must hold one JSON object']);
    }
  });

  it('names a bad token without the parser\'s own position or echo of the text', () => {
    const [message] = messages('{\n  "format": "mlsd-studio/diagram",\n  "version": x\n}');
    // Where the parser gives a position the message has the line and column; Node 20's does not for a bad token.
    expect(message).toMatch(/^not valid JSON( at line 3, column \d+)?: Unexpected token/);
    expect(message).not.toMatch(/in JSON at position|is not valid JSON|Stryker/);
  });

  it('says a file is cut short even when it ends in whitespace', () => {
    expect(messages('{"format": "mlsd-studio/diagram", "nodes": [\n\n   ')).toEqual([
      'not valid JSON: the file ends before the JSON is complete (was it cut short?)',
    ]);
    expect(messages('{"title": "unfinished')).toEqual(['not valid JSON: the file ends before the JSON is complete (was it cut short?)']);
  });
});
