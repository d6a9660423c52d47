import type { z } from 'zod';
import type { BlockName, Capacity, Cache, Cost, Latency, Storage, Traffic } from '../model/blocks';

/** One editable kind parameter, as the inspector shows it. */
export interface ParamField {
  key: string;
  label: string;
  /** Unit shown beside the field, e.g. "bytes" or "count". */
  unit: string;
}

/** Kind-specific parameters: their schema, inspector fields and the storage they imply. */
export interface KindParams<P extends Record<string, number>> {
  schema: z.ZodType<P>;
  fields: readonly ParamField[];
  /** Bytes held, derived from the params; used when the node has no `storage` block. */
  storageBytes: (params: P) => number;
}

/** The blocks a newly placed node of a kind starts with. */
export interface KindDefaults {
  traffic?: Traffic;
  latency?: Latency;
  capacity?: Capacity;
  cache?: Cache;
  storage?: Storage;
  cost?: Cost;
  params?: Record<string, number>;
}

/** Everything the app knows about one component kind; every part reads this, nothing repeats it. */
export interface KindDefinition {
  id: string;
  label: string;
  /** One sentence for the palette tooltip. */
  description: string;
  /**
   * Other names people search by (products, roles, abbreviations): "ANN",
   * "Redis", "ranker". The palette and the canvas's quick picker both search them.
   */
  synonyms: readonly string[];
  /** Name of the kind's icon (a Lucide icon name). */
  icon: string;
  /** Fill colour of the node, as #rrggbb. */
  colour: string;
  /** Palette section. */
  category: 'entry' | 'serving' | 'data' | 'ml' | 'pipeline' | 'operations';
  /** Blocks a node of this kind may carry. */
  blocks: readonly BlockName[];
  defaults: KindDefaults;
  params?: KindParams<Record<string, number>>;
}

/** Declares a kind, checking at compile time that its params and defaults agree. */
export function defineKind<P extends Record<string, number>>(
  kind: Omit<KindDefinition, 'params'> & { params?: KindParams<P> },
): KindDefinition {
  return kind as KindDefinition;
}
