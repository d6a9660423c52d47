import type { CommandSpec } from './run';

/** Every `mlsd` command by name, in the order the usage lists them: what it does and the flags it takes. */
export const COMMAND_SPECS = {
  validate: {
    summary: 'check a diagram file against the format',
    flags: { prices: 'value' },
  },
  estimate: {
    summary: 'rates, latency percentiles, servers, storage and cost',
    flags: { json: true, check: true, prices: 'value', traffic: 'value', scenario: 'value' },
  },
  explain: {
    summary: 'how each figure of a node is derived, with the actual inputs',
    flags: { json: true, traffic: 'value', prices: 'value', scenario: 'value' },
  },
  diff: {
    summary: 'compare two designs or two scenarios: changes and figure deltas',
    flags: { json: true, scenario: 'value', traffic: 'value', prices: 'value' },
  },
  simulate: {
    summary: 'check the estimate by a discrete-event simulation',
    flags: { json: true, requests: 'value', seed: 'value' },
  },
  sweep: {
    summary: 'p99 and cost from 0.1x to 100x load, and where the design breaks',
    flags: { json: true, csv: true, from: 'value', to: 'value', points: 'value', 'fixed-fleet': true, prices: 'value' },
  },
  sensitivity: {
    summary: 'which inputs move p99 and cost most, each moved +-50%',
    flags: { json: true, range: 'value', 'fixed-fleet': true, prices: 'value' },
  },
  failures: {
    summary: 'figures with a node down, a cache cold or a zone lost; survives one replica lost?',
    flags: { json: true, zones: 'value', prices: 'value' },
  },
  blueprints: {
    summary: 'list the ten case-study blueprints',
    flags: { json: true },
  },
  new: {
    summary: 'start a new diagram from a blueprint',
    flags: { output: 'value', force: true },
  },
  export: {
    summary: 'export to SVG, PNG, PDF, Markdown, Mermaid, draw.io or Excalidraw',
    flags: { format: 'value', output: 'value', 'no-figures': true, theme: 'value', paper: 'value', prices: 'value' },
  },
  import: {
    summary: 'read a Mermaid flowchart, a draw.io file or an Excalidraw scene into a diagram',
    flags: { output: 'value', page: 'value' },
  },
  layout: {
    summary: 'fill in node positions with an automatic layout',
    flags: { output: 'value' },
  },
} satisfies Record<string, CommandSpec>;
