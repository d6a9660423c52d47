import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LIMITS } from '../../shared/model/blocks';
import { fixtureJson } from '../helpers';
import { generateDiagram } from './generate';
import { report, timed, type Usage } from './measure';

/** Judged on CPU time: on a shared machine the wall clock also counts the wait for a free core. */
function line(name: string, usage: Usage, limitS: number): void {
  const figure = `${usage.cpuS.toFixed(1)} s CPU (${usage.wallS.toFixed(1)} s wall), ${usage.maxRssMb.toFixed(0)} MB, exit ${usage.code}`;
  report(name, figure, `< ${limitS} s CPU, < 1 GB`, usage.cpuS < limitS && usage.maxRssMb < 1024);
}

/**
 * The hostile files a user found, and a 100,000-node diagram, through the
 * real command line: each must get its verdict within 10 s and 1 GB (the
 * large diagram within 5 s), and so must a placed design just under 50 MB. Each is a whole `mlsd` process, start-up
 * included (the prebuilt command line once `npm install` has built it).
 */
export function benchHostile(): void {
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-bench-'));
  try {
    const write = (name: string, content: string) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    };
    const large = generateDiagram(100_000, 7);
    const largeFile = write('large.mlsd.json', JSON.stringify(large));
    large.nodes.forEach((node, i) => (node.position = { x: (i % 300) * 220, y: Math.floor(i / 300) * 120 }));
    const placedFile = write('large-placed.mlsd.json', JSON.stringify(large));
    const medium = generateDiagram(20_000, 7);
    medium.nodes.forEach((node, i) => (node.position = { x: (i % 300) * 220, y: Math.floor(i / 300) * 120 }));
    const mediumFile = write('medium-placed.mlsd.json', JSON.stringify(medium));

    const doc = fixtureJson('small-search.mlsd.json');
    doc.nodes.forEach((node: { position?: unknown }, i: number) => (node.position = { x: i * 200, y: 0 }));
    doc.nodes[9].position = { x: 100_000, y: 0 };
    const wide = write('wide.mlsd.json', JSON.stringify(doc));
    doc.nodes[9].position = { x: LIMITS.position, y: LIMITS.position };
    const huge = write('huge.mlsd.json', JSON.stringify(doc));

    const limits = fixtureJson('small-search.mlsd.json');
    limits.nodes[0].traffic = { qps: LIMITS.qps };
    for (const edge of limits.edges) Object.assign(edge, { calls: LIMITS.calls - 0.5, fanout: 'sequential' });
    for (const node of limits.nodes) if (node.latency) node.latency = { p50Ms: LIMITS.minLatencyMs, p99Ms: LIMITS.maxLatencyMs };
    const extreme = write('limits.mlsd.json', JSON.stringify(limits));

    const errors = fixtureJson('small-search.mlsd.json');
    errors.nodes = Array.from({ length: 20_000 }, (_, i) => ({ id: `n${i}`, kind: 'service', label: '', latency: { p50Ms: -1, p99Ms: 1 } }));
    errors.edges = [];
    const manyProblems = write('problems.mlsd.json', JSON.stringify(errors));
    const deep = write('deep.mlsd.json', `{"nodes":${'['.repeat(5_000_000)}${']'.repeat(5_000_000)}}`);

    line('validate, 100,000 nodes', timed(['validate', largeFile]), 5);
    line('estimate, 100,000 nodes', timed(['estimate', '--json', largeFile]), 5);
    // Each picture format without figures (the estimate's own cost is the line above); Markdown is a report of the figures, so it includes the estimate.
    for (const format of ['svg', 'png', 'pdf', 'mermaid', 'drawio', 'excalidraw']) {
      line(`export ${format} --no-figures, 100,000 placed nodes`, timed(['export', placedFile, '--format', format, '--no-figures', '-o', join(dir, `large.${format}`)]), 5);
    }
    // A fifth of the size, the same layout: what does not shrink with it (start-up, the router's fixed budget) shows against the lines above.
    for (const format of ['svg', 'pdf', 'mermaid', 'drawio', 'excalidraw']) {
      line(`export ${format} --no-figures, 20,000 placed nodes`, timed(['export', mediumFile, '--format', format, '--no-figures', '-o', join(dir, `medium.${format}`)]), 5);
    }
    // With figures: the picture formats draw the estimate's figures alone (no breakdowns or lint), so each line is that estimate plus the picture.
    for (const format of ['svg', 'pdf', 'mermaid', 'drawio', 'excalidraw']) {
      line(`export ${format} with figures, 100,000 placed nodes`, timed(['export', placedFile, '--format', format, '-o', join(dir, `large-figures.${format}`)]), 5);
    }
    line('export markdown (with the estimate), 100,000', timed(['export', placedFile, '--format', 'markdown', '-o', join(dir, 'large.md')]), 10);
    line('estimate, every number at its limit', timed(['estimate', extreme]), 10);
    line('validate, 20,000 problems', timed(['validate', manyProblems]), 10);
    line('validate, 10 MB of nesting', timed(['validate', deep]), 10);
    line('export png, a node at x = 100,000', timed(['export', wide, '--format', 'png', '-o', join(dir, 'wide.png')]), 10);
    line('export pdf, a node at x = 100,000', timed(['export', wide, '--format', 'pdf', '-o', join(dir, 'wide.pdf')]), 10);
    line('export png, a node at 1e6, 1e6 (refused)', timed(['export', huge, '--format', 'png', '-o', join(dir, 'huge.png')]), 10);

    // The largest file the bound speaks of: a design just under 50 MB, placed, through the commands a user would run on it.
    const biggest = generateDiagram(180_000, 7);
    biggest.nodes.forEach((node, i) => (node.position = { x: (i % 300) * 220, y: Math.floor(i / 300) * 120 }));
    const biggestText = JSON.stringify(biggest);
    const biggestFile = write('biggest.mlsd.json', biggestText);
    const size = `${(Buffer.byteLength(biggestText) / 1e6).toFixed(1)} MB`;
    line(`validate, 180,000 nodes (${size})`, timed(['validate', biggestFile]), 10);
    line(`estimate, 180,000 nodes (${size})`, timed(['estimate', '--json', biggestFile]), 10);
    line(`export svg --no-figures, 180,000 nodes (${size})`, timed(['export', biggestFile, '--format', 'svg', '--no-figures', '-o', join(dir, 'biggest.svg')]), 10);
    line(`export svg with figures, 180,000 nodes (${size})`, timed(['export', biggestFile, '--format', 'svg', '-o', join(dir, 'biggest-figures.svg')]), 10);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
