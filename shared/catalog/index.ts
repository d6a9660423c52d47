import * as z from 'zod';
import { LIMITS } from '../model/blocks';
import defaultPrices from './prices.json';

const PriceSource = { label: z.string(), source: z.string().min(1), date: z.string().min(1) };

/** The price catalog file: instance types and storage classes, each with its source and date. */
export const CatalogSchema = z.strictObject({
  format: z.literal('mlsd-studio/prices'),
  version: z.literal(1),
  currency: z.literal('USD'),
  instances: z.record(z.string(), z.strictObject({
    ...PriceSource,
    hourlyUsd: z.number().min(0).max(LIMITS.priceUsd),
    gpus: z.int().min(1).max(64).optional(),
    memoryGib: z.number().gt(0).max(1e6).optional(),
  })),
  storageClasses: z.record(z.string(), z.strictObject({ ...PriceSource, gbMonthUsd: z.number().min(0).max(LIMITS.priceUsd) })),
});

export type Catalog = z.infer<typeof CatalogSchema>;

/**
 * The catalog shipped with MLSD Studio (shared/catalog/prices.json), taken
 * as it is: a test holds it to CatalogSchema, so no command pays for
 * checking it on every start.
 */
export const DEFAULT_CATALOG: Catalog = defaultPrices as Catalog;

/** The price of an instance type by name; undefined for a name the catalog does not list (`constructor` included). */
export function instancePrice(catalog: Catalog, name: string): Catalog['instances'][string] | undefined {
  return Object.hasOwn(catalog.instances, name) ? catalog.instances[name] : undefined;
}

/** The price of a storage class by name; undefined for a name the catalog does not list. */
export function storageClassPrice(catalog: Catalog, name: string): Catalog['storageClasses'][string] | undefined {
  return Object.hasOwn(catalog.storageClasses, name) ? catalog.storageClasses[name] : undefined;
}
