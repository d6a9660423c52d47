import { describe, expect, it } from 'vitest';
import { guessKind } from '../../shared/import/guess';

describe('kinds guessed from labels and shapes', () => {
  it.each([
    ['Redis', 'cache', 'Redis'],
    ['Re-ranker', 'model', 're-ranker'],
    ['reranker (GBDT)', 'model', 're-ranker'],
    ['Two-tower retrieval model', 'model', 'Model'],
    ['Candidate retrieval (FAISS)', 'vectorIndex', 'FAISS'],
    ['Kafka Streams job', 'streamProcessor', 'Kafka Streams'],
    ['User events (Kafka)', 'queue', 'Kafka'],
    ['Clients', 'traffic', 'clients'],
    ['S3 bucket', 'objectStore', 'bucket'],
    ['Model registry (MLflow)', 'modelRegistry', 'MLflow'],
  ])('"%s" is a %s, from "%s"', (label, kind, clue) => {
    expect(guessKind(label)).toEqual({ kind, from: 'label', clue });
  });

  it('falls back on the shape, then on a Service', () => {
    expect(guessKind('Orders', 'cylinder')).toEqual({ kind: 'database', from: 'shape', clue: 'cylinder' });
    expect(guessKind('Redis', 'cylinder')).toMatchObject({ kind: 'cache', from: 'label' });
    expect(guessKind('Thingamajig', 'rectangle')).toEqual({ kind: 'service', from: 'default' });
    expect(guessKind('')).toEqual({ kind: 'service', from: 'default' });
  });
});
