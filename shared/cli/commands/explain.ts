import { derivationLines, explainAll, explainNode, stepText, type Derivation } from '../../explain';
import { closest } from '../../model/didYouMean';
import type { Diagram } from '../../model/schema';
import type { ParsedArgs } from '../args';
import { EXIT, type CliIO } from '../io';
import { readAndEstimate } from './estimate';

export const explainHelp = `mlsd explain FILE [NODE] [--json] [--traffic X] [--prices FILE]

Shows how each figure of a node is derived, with the actual inputs, in
back-of-envelope notation: its peak and average QPS, replicas, utilization,
p99 (what was composed, and from which parts), storage and monthly cost.
NODE is a node's id or its label; without NODE, the headline figures and
every node.
  --json      print the derivations as JSON (format mlsd-studio/explain)
  --traffic   multiply every traffic entry's load (what-if), e.g. 2 or 0.5
  --prices    use this price catalog instead of the built-in one`;

/** The node a name means: its id, else its label (ignoring case). */
export function findNode(diagram: Diagram, name: string): Diagram['nodes'][number] | undefined {
  return diagram.nodes.find((n) => n.id === name) ?? diagram.nodes.find((n) => n.label.toLowerCase() === name.toLowerCase());
}

function jsonOf(d: Derivation) {
  return { ...d, steps: d.steps.map((s) => ({ ...s, text: stepText(s) })) };
}

function textOf(derivations: readonly Derivation[]): string {
  return derivations.map((d) => [`  ${d.title}`, ...derivationLines(d).map((l) => `    ${l}`)].join('\n')).join('\n');
}

/** `mlsd explain FILE [NODE]`. */
export function explainCommand(args: ParsedArgs, io: CliIO): number {
  if (args.positionals.length < 1 || args.positionals.length > 2) {
    io.stderr(`mlsd explain: expected FILE and at most one NODE\n\n${explainHelp}\n`);
    return EXIT.usage;
  }
  const read = readAndEstimate(args, io, 'explain');
  if (typeof read === 'number') return read;
  const { diagram, result, catalog, trafficMultiplier } = read;
  const options = { catalog, trafficMultiplier };
  const json = args.flags.has('json');
  const name = args.positionals[1];
  if (name === undefined) {
    const all = explainAll(diagram, result, options);
    const label = new Map(diagram.nodes.map((n) => [n.id, n.label]));
    if (json) {
      const body = { headline: all.headline.map(jsonOf), nodes: all.nodes.map((n) => ({ id: n.id, derivations: n.derivations.map(jsonOf) })) };
      io.stdout(`${JSON.stringify({ format: 'mlsd-studio/explain', version: 1, ...body }, null, 2)}\n`);
    } else {
      const sections = [`${diagram.title}\n${textOf(all.headline)}`, ...all.nodes.map((n) => `${label.get(n.id)} (${n.id})\n${textOf(n.derivations)}`)];
      io.stdout(`${sections.join('\n\n')}\n`);
    }
    return EXIT.ok;
  }
  const node = findNode(diagram, name);
  if (!node) {
    const guess = closest(name, diagram.nodes.flatMap((n) => [n.id, n.label]));
    io.stderr(`mlsd explain: no node "${name}" in ${args.positionals[0]}${guess ? ` (did you mean "${guess}"?)` : ''}\n`);
    return EXIT.usage;
  }
  const derivations = explainNode(diagram, result, node.id, options);
  io.stdout(json
    ? `${JSON.stringify({ format: 'mlsd-studio/explain', version: 1, node: node.id, derivations: derivations.map(jsonOf) }, null, 2)}\n`
    : `${node.label} (${node.id})\n${textOf(derivations)}\n`);
  return EXIT.ok;
}
