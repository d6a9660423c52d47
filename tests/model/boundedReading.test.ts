import { describe, expect, it } from 'vitest';
import { loadDiagram, parseJson } from '../../shared/model/load';
import { capProblems, coveredBy, lineAndColumn, MAX_JSON_NESTING, MAX_PROBLEMS_LISTED, MORE_PROBLEMS, problemCount, tooDeepAt } from '../../shared/model/loadBounds';
import { formatProblem } from '../../shared/model/problems';
import { fixtureJson } from '../helpers';

const nested = (depth: number, open = '[', close = ']') => open.repeat(depth) + close.repeat(depth);

describe('how deep a file may nest', () => {
  it('counts objects and lists alike, and only while they are open', () => {
    expect(tooDeepAt(nested(3), 3)).toBe(-1);
    expect(tooDeepAt(nested(4), 3)).toBe(3);
    expect(tooDeepAt(nested(4, '{"a":', '}'), 3)).toBe(15);
    expect(tooDeepAt('[{"a":[{}]}]', 3)).toBe(7);
    // Siblings do not add up: each closes before the next opens.
    expect(tooDeepAt(`[${[nested(2), nested(2, '{"a":', '}'), nested(2)].join(',')}]`, 3)).toBe(-1);
    expect(tooDeepAt(`{"a":${nested(2)},"b":${nested(2)}}`, 3)).toBe(-1);
  });

  it('ignores brackets and escaped quotes inside text', () => {
    expect(tooDeepAt('["[[[[", "{{{{"]', 2)).toBe(-1);
    expect(tooDeepAt('["\\"[[[[", "\\\\", []]', 2)).toBe(-1);
    // After an escaped backslash the quote ends the text, so the brackets that follow count.
    expect(tooDeepAt('["\\\\", [[]]]', 2)).toBe(8);
    expect(tooDeepAt('"]]]]" [[[', 2)).toBe(9);
    // Three backslashes: an escaped backslash, then an escaped quote, so the text goes on past it.
    expect(tooDeepAt('["\\\\\\"[[[", []]', 2)).toBe(-1);
    expect(tooDeepAt('["\\\\\\"[[[", [[]]]', 2)).toBe(13);
    // Text that never closes holds everything after its quote.
    expect(tooDeepAt('[[ "[[[[', 2)).toBe(-1);
  });

  it('refuses a file nested past the limit with the line and column of the bracket too deep', () => {
    const text = `{\n"nodes": [\n${nested(MAX_JSON_NESTING)}]}`;
    expect(parseJson(text)).toEqual({ ok: false, message: `line 3, column ${MAX_JSON_NESTING - 1}: nesting deeper than 64 (objects and lists inside each other); a diagram needs 4` });
    expect(parseJson(`[\n${nested(MAX_JSON_NESTING - 1)}]`)).toEqual({ ok: true, value: [JSON.parse(nested(MAX_JSON_NESTING - 1))] });
  });
});

describe('nesting in a file that parses', () => {
  const DEEP = `line 1, column`;
  /** The small search fixture on one line, with `params` set on its first node, and `change` made to it. */
  const withParams = (params: string, change = (doc: Record<string, any>) => doc) => {
    const doc = change(fixtureJson('small-search.mlsd.json'));
    return JSON.stringify({ ...doc, nodes: [{ ...doc.nodes[0], params: '@' }, ...doc.nodes.slice(1)] }).replace('"@"', params);
  };
  const messages = (text: string) => {
    const result = loadDiagram(text);
    return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
  };

  it('is refused where a node\'s params hold it, with where it happens, though the format takes any params', () => {
    // The document, the node list, a node and its params are four levels: the value inside may add 60 more.
    const atLimit = messages(withParams(`{"a":${nested(MAX_JSON_NESTING - 4)}}`));
    expect(atLimit.length).toBeGreaterThan(0);
    expect(atLimit.join('\n')).not.toContain('nesting deeper');
    const past = messages(withParams(`{"a":${nested(MAX_JSON_NESTING - 3)}}`));
    expect(past).toEqual([expect.stringMatching(new RegExp(`^: ${DEEP} \\d+: nesting deeper than 64`))]);
  });

  it('is refused before any other complaint, also one that would print the deep value', () => {
    const deepFormat = `{"format": ${nested(100_000)}, "version": 1}`;
    expect(messages(deepFormat)).toEqual([`: ${DEEP} ${11 + MAX_JSON_NESTING}: nesting deeper than 64 (objects and lists inside each other); a diagram needs 4`]);
    const deepVersion = `{"format": "mlsd-studio/diagram", "version": ${nested(100_000, '{"a":', '}')}}`;
    expect(messages(deepVersion)[0]).toMatch(/^: line 1, column \d+: nesting deeper than 64/);
    expect(messages(`${nested(100_000)}`)[0]).toMatch(/^: line 1, column 65: nesting deeper than 64/);
    // A schema problem elsewhere in the file does not hide it.
    const alsoWrong = withParams(nested(200), (doc) => ({ ...doc, title: '' }));
    expect(messages(alsoWrong)).toEqual([expect.stringMatching(/^: line 1, column \d+: nesting deeper than 64/)]);
  });

  it('is refused before an older file is migrated, which copies all of it', () => {
    const text = withParams(`{"a":${nested(100_000)}}`).replace('"version":1', '"version":0');
    let migrated = 0;
    const migrations = [{ from: 0, name: 'to 1', up: (doc: Record<string, unknown>) => (migrated++, doc) }];
    const result = loadDiagram(text, { migrations });
    expect(result.ok ? [] : result.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^line 1, column \d+: nesting deeper than 64/)]);
    expect(migrated).toBe(0);
    expect(loadDiagram(withParams('{"modelBytes": 1}').replace('"version":1', '"version":0'), { migrations }).ok).toBe(false);
    expect(migrated).toBe(1);
  });

  it('is not searched for when the format bounds every part read', () => {
    expect(loadDiagram(withParams('{"modelBytes": 1000}')).ok).toBe(false);
    expect(messages(withParams('{"modelBytes": 1000}')).join('\n')).not.toContain('nesting');
    const text = JSON.stringify(fixtureJson('small-search.mlsd.json'));
    expect(loadDiagram(text)).toMatchObject({ ok: true });
  });
});

describe('a syntax error', () => {
  it('is located by line and column, counting from 1', () => {
    expect(parseJson('{"a": 1,\n "b": 2,\n "c" 3}')).toMatchObject({ ok: false, message: expect.stringMatching(/^not valid JSON at line 3, column 6: /) });
    expect(parseJson('{"a" 1}')).toMatchObject({ ok: false, message: expect.stringMatching(/^not valid JSON at line 1, column 6: /) });
    expect(lineAndColumn('\n{"a" 1}', 5)).toBe('line 2, column 5');
    expect(lineAndColumn('ab\ncd', 2)).toBe('line 1, column 3');
    expect(parseJson('\n\n{"a" 1}')).toMatchObject({ ok: false, message: expect.stringMatching(/^not valid JSON at line 3, column 6: /) });
  });
});

describe('a file with very many problems', () => {
  const many = (count: number) => Array.from({ length: count }, (_, i) => ({ path: `nodes[${i}].label`, message: 'must not be empty' }));

  it('lists them all up to one past the limit, since a summary line would take that line anyway', () => {
    expect(capProblems(many(MAX_PROBLEMS_LISTED + 1))).toEqual(many(MAX_PROBLEMS_LISTED + 1));
    expect(problemCount(many(MAX_PROBLEMS_LISTED + 1))).toBe(MAX_PROBLEMS_LISTED + 1);
    expect(problemCount([])).toBe(0);
  });

  it('lists the first ones and says how many more there are', () => {
    expect(capProblems(many(MAX_PROBLEMS_LISTED + 2))).toEqual([
      ...many(MAX_PROBLEMS_LISTED),
      { path: '', code: MORE_PROBLEMS, message: 'and 2 more problems' },
    ]);
    expect(problemCount(capProblems(many(MAX_PROBLEMS_LISTED + 2)))).toBe(MAX_PROBLEMS_LISTED + 2);
    const capped = capProblems(many(12_345));
    expect(capped.at(-1)!.message).toBe('and 12,145 more problems');
    expect(problemCount(capped)).toBe(12_345);
  });

  it('reads a document with thousands of wrong nodes as a capped list', () => {
    const doc = fixtureJson('small-search.mlsd.json');
    for (let i = 0; i < 500; i++) doc.nodes.push({ id: `n${i}`, kind: 'service', label: '' });
    const result = loadDiagram(JSON.stringify(doc));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(MAX_PROBLEMS_LISTED + 1);
    expect(result.problems[0]).toMatchObject({ path: 'nodes[10].label' });
    expect(formatProblem(result.problems.at(-1)!)).toBe('and 300 more problems');
    expect(problemCount(result.problems)).toBe(500);
  });
});

describe('problems already spoken for', () => {
  const reported = () => coveredBy([{ path: 'nodes[3].latency', message: '' }, { path: 'edges[12]', message: '' }]);

  it('are the reported paths, what lies inside them and the fields that hold them', () => {
    const covered = reported();
    for (const path of ['nodes[3].latency', 'nodes[3].latency.p99Ms', 'nodes[3]', 'edges[12]', 'edges[12].target', 'edges[12][0]']) {
      expect(covered(path), path).toBe(true);
    }
  });

  it('are not neighbours whose names merely begin the same way', () => {
    const covered = reported();
    for (const path of ['nodes[3].latencyMs', 'nodes[31].latency', 'nodes[4]', 'nodes', 'edges[1]', 'edges[120].target', '', 'nodes[3].capacity']) {
      expect(covered(path), path).toBe(false);
    }
  });

  it('leave the structure checks to speak of the rest of a document the schema rejected', () => {
    const doc = fixtureJson('small-search.mlsd.json');
    doc.edges[4].calls = 'many';
    doc.edges[5].target = 'logz';
    doc.nodes[3].latency = { p50Ms: 'fast', p99Ms: 5 };
    doc.nodes[0].group = 'onlne';
    const result = loadDiagram(JSON.stringify(doc));
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'nodes[3].latency.p50Ms: must be a number, not the text "fast"',
      'edges[4].calls: must be a number, not the text "many"',
      'nodes[0].group: no group "onlne" (did you mean "online"?)',
      'edges[5].target: no node "logz" (did you mean "logs"?)',
    ]);
  });
});
