import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blueprint, BLUEPRINT_SLUGS } from '../../shared/blueprints';
import { estimate } from '../../shared/estimator/estimate';
import { renderDrawio } from '../../shared/export/drawio';
import { renderMermaid } from '../../shared/export/mermaid';
import { importDiagram } from '../../shared/import';
import { loadDiagramValue } from '../../shared/model/load';
import type { Diagram } from '../../shared/model/schema';
import { fixturePath, mustLoad } from '../helpers';

const hostile = mustLoad(JSON.parse(readFileSync(fixturePath('hostile.mlsd.json'), 'utf8')));
const cases: [string, Diagram][] = [...BLUEPRINT_SLUGS.map((slug) => [slug, blueprint(slug)!] as [string, Diagram]), ['hostile', hostile]];

/** Imports and checks the result against the file format, failing with the problems. */
function imported(text: string): Diagram {
  const result = importDiagram(text);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  const loaded = loadDiagramValue(result.diagram);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return loaded.diagram;
}

const plain = (d: Diagram) => JSON.parse(JSON.stringify({ ...d, viewport: undefined }));

describe('a round trip through an export loses nothing', () => {
  it.each(cases)('%s through Mermaid and draw.io', (_, diagram) => {
    const figures = estimate(diagram);
    expect(plain(imported(renderMermaid({ diagram, estimate: figures, figures: true })))).toEqual(plain(diagram));
    expect(plain(imported(renderDrawio({ diagram, estimate: figures, figures: true })))).toEqual(plain(diagram));
  });
});

describe('files made elsewhere', () => {
  it('reads a hand-written Mermaid flowchart: shapes, chains, subgraphs, edge styles and entity codes', () => {
    const diagram = imported([
      'graph TD',
      '  %% a comment',
      '  subgraph serving [Online serving]',
      '    api(API #quot;v2#quot;) --> ranker{{Ranker}}',
      '    ranker -->|top 100| store[(Feature store)]',
      '  end',
      '  users((Users)) --> api',
      '  ranker -.-> logs[Event log] == nightly ==> train[Training]',
      '  classDef hot fill:#f00',
      '  style api stroke:#333',
    ].join('\n'));
    expect(diagram.nodes.map((n) => [n.id, n.label, n.kind, n.group])).toEqual([
      ['api', 'API "v2"', 'service', 'serving'],
      ['ranker', 'Ranker', 'service', 'serving'],
      ['store', 'Feature store', 'service', 'serving'],
      ['users', 'Users', 'service', undefined],
      ['logs', 'Event log', 'service', undefined],
      ['train', 'Training', 'service', undefined],
    ]);
    expect(diagram.groups).toEqual([{ id: 'serving', label: 'Online serving' }]);
    expect(diagram.edges.map((e) => [e.source, e.target, e.mode ?? 'sync', e.label])).toEqual([
      ['api', 'ranker', 'sync', undefined],
      ['ranker', 'store', 'sync', 'top 100'],
      ['users', 'api', 'sync', undefined],
      ['ranker', 'logs', 'async', undefined],
      ['logs', 'train', 'offline', 'nightly'],
    ]);
  });

  it('reads a kind named on the last line of a label, as MLSD Studio writes it', () => {
    const diagram = imported('flowchart LR\n  a["Ranker<br/>Model"] --> b["Cache<br>Cache"]');
    expect(diagram.nodes.map((n) => [n.label, n.kind])).toEqual([['Ranker', 'model'], ['Cache', 'cache']]);
  });

  it('reads a draw.io file: containers as groups, positions made absolute, HTML labels as text, line styles as modes', () => {
    const diagram = imported(`<mxfile><diagram name="x"><mxGraphModel><root>
      <mxCell id="0"/><mxCell id="1" parent="0"/>
      <mxCell id="box" value="Online" style="swimlane;container=1;" vertex="1" parent="1"><mxGeometry x="100" y="50" width="400" height="200" as="geometry"/></mxCell>
      <mxCell id="a" value="&lt;b&gt;Ranker &amp;amp; co&lt;/b&gt;&lt;br&gt;GPU" style="rounded=1;html=1;" vertex="1" parent="box"><mxGeometry x="10" y="40" width="120" height="60" as="geometry"/></mxCell>
      <mxCell id="b" value="Store" style="shape=cylinder;" vertex="1" parent="1"><mxGeometry x="600" y="80" width="120" height="60" as="geometry"/></mxCell>
      <mxCell id="c" value="reads" style="dashed=1;" edge="1" parent="1" source="a" target="b"><mxGeometry relative="1" as="geometry"/></mxCell>
    </root></mxGraphModel></diagram></mxfile>`);
    expect(diagram.groups).toEqual([{ id: 'box', label: 'Online' }]);
    expect(diagram.nodes).toEqual([
      { id: 'a', kind: 'service', label: 'Ranker & co GPU', group: 'box', position: { x: 110, y: 90 } },
      { id: 'b', kind: 'service', label: 'Store', position: { x: 600, y: 80 } },
    ]);
    expect(diagram.edges).toEqual([{ id: 'c', source: 'a', target: 'b', mode: 'async', label: 'reads' }]);
  });

  it('says what is wrong with a file it cannot read', () => {
    expect(importDiagram('flowchart LR\n  a --> b\n  a ->> b')).toEqual({ ok: false, problems: ['line 3: cannot read "->> b"'] });
    expect(importDiagram('<mxfile><diagram>7ZRNb</diagram></mxfile>')).toEqual({ ok: false, problems: ['the diagram is compressed: in draw.io, File > Properties, untick Compressed, and save again'] });
    expect(importDiagram('{"type":"excalidraw"}').ok).toBe(false);
  });
});
