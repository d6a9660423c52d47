import type { Diagram, DiagramEdge, DiagramNode } from '../model/schema';
import { applyLayout, layoutDiagram, type ElkEngine } from './elkGraph';

/**
 * A small design shaped like the blueprints: an entry, a gateway, a service
 * calling in three stages (parallel calls in the first two, with call counts
 * and captions), a cache in front of a database, and an offline band (log
 * queue, stream job, training, registry). Laying it out runs every part of
 * the layout a real design uses: call columns, ports, captions, the offline
 * band and the router between parts.
 */
function warmUpDiagram(): Pick<Diagram, 'nodes' | 'edges' | 'groups'> {
  const node = (id: string, kind: DiagramNode['kind'], label: string): DiagramNode => ({ id, kind, label });
  const nodes = [
    node('users', 'traffic', 'Users'),
    node('gateway', 'gateway', 'API gateway'),
    node('api', 'service', 'Recommendation service'),
    node('auth', 'service', 'Session check'),
    node('ann', 'vectorIndex', 'Candidate generation (approximate nearest neighbours)'),
    node('trending', 'service', 'Trending candidates'),
    node('features', 'featureStore', 'Online feature store'),
    node('cache', 'cache', 'Feature cache'),
    node('db', 'database', 'Profile database'),
    node('ranker', 'model', 'Ranking model'),
    node('rerank', 'service', 'Re-ranking and diversity'),
    node('logs', 'queue', 'Impression log'),
    node('stream', 'streamProcessor', 'Label join'),
    node('train', 'training', 'Daily training'),
    node('registry', 'modelRegistry', 'Model registry'),
  ];
  let next = 0;
  const edge = (source: string, target: string, extra: Partial<DiagramEdge> = {}): DiagramEdge => ({ id: `w${next++}`, source, target, ...extra });
  const edges = [
    edge('users', 'gateway'),
    edge('gateway', 'auth', { stage: 0 }),
    edge('gateway', 'api', { stage: 1 }),
    edge('api', 'ann', { stage: 0, calls: 8, fanout: 'parallel', label: 'top 500 candidates' }),
    edge('api', 'trending', { stage: 0 }),
    edge('api', 'features', { stage: 1, calls: 2 }),
    edge('features', 'cache'),
    edge('cache', 'db', { label: 'on a miss' }),
    edge('api', 'ranker', { stage: 2, label: 'score 500 candidates' }),
    edge('api', 'rerank', { stage: 3 }),
    edge('api', 'logs', { mode: 'async' }),
    edge('logs', 'stream', { mode: 'async' }),
    edge('stream', 'train', { mode: 'offline', label: 'daily' }),
    edge('train', 'registry', { mode: 'offline' }),
    edge('registry', 'ranker', { mode: 'offline', label: 'new model' }),
  ];
  return { nodes, edges };
}

/** How many times warmUpLayout lays its design out: enough for the first real layout to run at close to its steady speed. */
export const WARM_UP_ROUNDS = 6;

/**
 * Lays out a small blueprint-like design up to `rounds` times and drops the
 * result; stops early once `stop()` says so (a real layout is waiting). The
 * layout code (ELK's above all) runs several times slower on its first calls
 * than once the JavaScript engine has compiled it; doing this when the
 * layout worker starts means a person's first auto layout does not pay for
 * all of that.
 */
export async function warmUpLayout(engine: ElkEngine, rounds = WARM_UP_ROUNDS, stop: () => boolean = () => false): Promise<void> {
  const diagram = warmUpDiagram();
  for (let i = 0; i < rounds && !stop(); i++) applyLayout(diagram, await layoutDiagram(diagram, engine));
}
