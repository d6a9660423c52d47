import { describe, expect, it } from 'vitest';
import { KINDS } from '../../shared/kinds';
import { searchKinds } from '../../shared/kinds/search';

describe('searching component kinds by the names people use', () => {
  it.each([
    ['ANN', 'vectorIndex'], ['FAISS', 'vectorIndex'], ['ScaNN', 'vectorIndex'], ['hnsw', 'vectorIndex'],
    ['candidate generation', 'vectorIndex'], ['two-tower', 'model'], ['two tower', 'model'], ['ranker', 'model'],
    ['re-ranker', 'model'], ['reranker', 'model'], ['Triton', 'model'], ['CDN', 'cache'], ['Redis', 'cache'],
    ['Kafka', 'queue'], ['Flink', 'streamProcessor'], ['Spark', 'batchJob'], ['vector', 'vectorIndex'], ['feature store', 'featureStore'],
  ])('"%s" finds %s first', (query, kind) => {
    expect(searchKinds(query)[0]?.id).toBe(kind);
  });

  it('keeps description matches to whole words, finds everything for an empty query and nothing for nonsense', () => {
    expect(searchKinds('compu').map((k) => k.id)).toEqual(['streamProcessor', 'batchJob']);
    expect(searchKinds('ompu')).toEqual([]);
    expect(searchKinds('  ')).toHaveLength(KINDS.length);
    expect(searchKinds('zzzz')).toEqual([]);
  });

  it('gives every kind synonyms, none repeated within a kind', () => {
    for (const kind of KINDS) {
      expect(kind.synonyms.length).toBeGreaterThan(2);
      expect(new Set(kind.synonyms.map((s) => s.toLowerCase())).size).toBe(kind.synonyms.length);
    }
  });
});
