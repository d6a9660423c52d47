import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blueprint, BLUEPRINT_SLUGS } from '../../shared/blueprints';
import { estimate } from '../../shared/estimator/estimate';
import { renderDrawio } from '../../shared/export/drawio';
import { renderExcalidraw } from '../../shared/export/excalidraw';
import { renderMermaid } from '../../shared/export/mermaid';
import { importDiagram } from '../../shared/import';
import { loadDiagramValue } from '../../shared/model/load';
import type { Diagram } from '../../shared/model/schema';
import { fixturePath, mustLoad } from '../helpers';

const hostile = mustLoad(JSON.parse(readFileSync(fixturePath('hostile.mlsd.json'), 'utf8')));
const cases: [string, Diagram][] = [...BLUEPRINT_SLUGS.map((slug) => [slug, blueprint(slug)!] as [string, Diagram]), ['hostile', hostile]];

/** Imports and checks the result against the file format, failing with the problems. */
async function imported(text: string): Promise<Diagram> {
  const result = await importDiagram(text);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  const loaded = loadDiagramValue(result.diagram);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return loaded.diagram;
}

const plain = (d: Diagram) => JSON.parse(JSON.stringify({ ...d, viewport: undefined }));

describe('a round trip through an export loses nothing', () => {
  it.each(cases)('%s through Mermaid, draw.io and Excalidraw: the same diagram and a byte-identical estimate', async (_, diagram) => {
    const figures = estimate(diagram);
    const json = (d: Diagram) => `${JSON.stringify(estimate(d), null, 2)}\n`;
    for (const render of [renderMermaid, renderDrawio, renderExcalidraw]) {
      const back = await imported(render({ diagram, estimate: figures, figures: true }));
      expect(plain(back)).toEqual(plain(diagram));
      expect(json(back)).toBe(json(diagram));
    }
  });
});

describe('files made elsewhere', () => {
  it('reads a hand-written Mermaid flowchart: shapes, chains, subgraphs, edge styles and entity codes', async () => {
    const diagram = await imported([
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
      ['ranker', 'Ranker', 'model', 'serving'],
      ['store', 'Feature store', 'featureStore', 'serving'],
      ['users', 'Users', 'traffic', undefined],
      ['logs', 'Event log', 'queue', undefined],
      ['train', 'Training', 'training', undefined],
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

  it('reads a kind named on the last line of a label, as MLSD Studio writes it', async () => {
    const diagram = await imported('flowchart LR\n  a["Ranker<br/>Model"] --> b["Cache<br>Cache"]');
    expect(diagram.nodes.map((n) => [n.label, n.kind])).toEqual([['Ranker', 'model'], ['Cache', 'cache']]);
  });

  it('reads a draw.io file: containers as groups, positions made absolute, HTML labels as text, line styles as modes', async () => {
    const diagram = await imported(`<mxfile><diagram name="x"><mxGraphModel><root>
      <mxCell id="0"/><mxCell id="1" parent="0"/>
      <mxCell id="box" value="Online" style="swimlane;container=1;" vertex="1" parent="1"><mxGeometry x="100" y="50" width="400" height="200" as="geometry"/></mxCell>
      <mxCell id="a" value="&lt;b&gt;Ranker &amp;amp; co&lt;/b&gt;&lt;br&gt;GPU" style="rounded=1;html=1;" vertex="1" parent="box"><mxGeometry x="10" y="40" width="120" height="60" as="geometry"/></mxCell>
      <mxCell id="b" value="Store" style="shape=cylinder;" vertex="1" parent="1"><mxGeometry x="600" y="80" width="120" height="60" as="geometry"/></mxCell>
      <mxCell id="c" value="reads" style="dashed=1;" edge="1" parent="1" source="a" target="b"><mxGeometry relative="1" as="geometry"/></mxCell>
    </root></mxGraphModel></diagram></mxfile>`);
    expect(diagram.groups).toEqual([{ id: 'box', label: 'Online' }]);
    expect(diagram.nodes.map((n) => [n.id, n.kind, n.label, n.group, n.position])).toEqual([
      ['a', 'model', 'Ranker & co GPU', 'box', { x: 110, y: 90 }],
      ['b', 'database', 'Store', undefined, { x: 600, y: 80 }],
    ]);
    expect(diagram.edges).toEqual([{ id: 'c', source: 'a', target: 'b', mode: 'async', label: 'reads' }]);
  });

  it('says what is wrong with a file it cannot read', async () => {
    expect(await importDiagram('flowchart LR\n  a --> b\n  a ->> b')).toEqual({ ok: false, problems: ['line 3: cannot read "->> b"'] });
    expect(await importDiagram('<mxfile><diagram name="Main">7ZRNb</diagram></mxfile>')).toEqual({ ok: false, problems: ['page 1 "Main": the compressed diagram is not base64 text'] });
    expect(await importDiagram('<mxfile><diagram name="Main">7ZRNbw==</diagram></mxfile>')).toEqual({ ok: false, problems: ['page 1 "Main": the compressed diagram cannot be inflated: it is not deflate data'] });
    expect(await importDiagram('{"type":"excalidraw"}')).toEqual({ ok: false, problems: ['elements: must be a list'] });
    expect(await importDiagram('{"format":"mlsd-studio/diagram"}')).toEqual({ ok: false, problems: ['type: not an Excalidraw scene (its "type" must be "excalidraw"); an MLSD Studio diagram opens with File > Open'] });
    expect(await importDiagram('{"type":"excalidraw","elements":[{"type":"rectangle"}]}')).toEqual({ ok: false, problems: ['elements[0]: an element needs a text "id"'] });
    expect(await importDiagram('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>')).toEqual({ ok: false, problems: ['an SVG without a draw.io diagram in it (draw.io keeps one in the content attribute when "Include a copy of my diagram" is ticked)'] });
    expect(await importDiagram('hello')).toEqual({ ok: false, problems: ['not a draw.io file (XML), an Excalidraw scene (JSON) or a Mermaid flowchart (first line "flowchart" or "graph")'] });
  });
});
