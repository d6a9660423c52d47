import type { KindDefinition } from './define';
import { batchJob } from './batchJob';
import { cache } from './cache';
import { dataLake } from './dataLake';
import { database } from './database';
import { experimentation } from './experimentation';
import { externalApi } from './externalApi';
import { featureStore } from './featureStore';
import { gateway } from './gateway';
import { labeling } from './labeling';
import { model } from './model';
import { modelRegistry } from './modelRegistry';
import { monitoring } from './monitoring';
import { objectStore } from './objectStore';
import { queue } from './queue';
import { searchIndex } from './searchIndex';
import { service } from './service';
import { streamProcessor } from './streamProcessor';
import { traffic } from './traffic';
import { training } from './training';
import { vectorIndex } from './vectorIndex';

export type { KindDefinition, KindDefaults, ParamField } from './define';

/** Every component kind of format version 1, in palette order. */
export const KINDS: readonly KindDefinition[] = [
  traffic, gateway, service, externalApi,
  cache, featureStore, vectorIndex, searchIndex, database, objectStore, dataLake,
  model, training, modelRegistry,
  queue, streamProcessor, batchJob,
  monitoring, labeling, experimentation,
];

/** The kind identifiers as a tuple, for schemas. */
export const KIND_IDS = KINDS.map((k) => k.id) as [string, ...string[]];

const byId = new Map(KINDS.map((k) => [k.id, k]));

/** The definition of a kind, or undefined for an unknown identifier. */
export function findKind(id: string): KindDefinition | undefined {
  return byId.get(id);
}
