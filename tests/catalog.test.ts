import { describe, expect, it } from 'vitest';
import { CatalogSchema, DEFAULT_CATALOG } from '../shared/catalog';
import prices from '../shared/catalog/prices.json';

describe('the price catalog', () => {
  const all = [...Object.entries(DEFAULT_CATALOG.instances), ...Object.entries(DEFAULT_CATALOG.storageClasses)];

  it('is a valid price catalog file, read as it is written', () => {
    const checked = CatalogSchema.safeParse(prices);
    expect(checked.error?.issues).toBeUndefined();
    expect(DEFAULT_CATALOG).toEqual(checked.data);
  });

  it('gives every price a source and a year-month date', () => {
    for (const [, price] of all) {
      expect(price.source.length).toBeGreaterThan(10);
      expect(price.date).toMatch(/^20\d\d-\d\d$/);
    }
  });

  it('has CPU sizes, the GPU generations, and RAM, SSD and object storage', () => {
    const labels = Object.values(DEFAULT_CATALOG.instances).map((i) => i.label).join(' ');
    for (const gpu of ['T4', 'L4', 'A10G', 'A100', 'H100']) expect(labels).toContain(gpu);
    expect(Object.keys(DEFAULT_CATALOG.storageClasses)).toEqual(expect.arrayContaining(['ram', 'ssd', 's3-standard']));
    const perGb = DEFAULT_CATALOG.storageClasses;
    expect(perGb.ram!.gbMonthUsd).toBeGreaterThan(perGb.ssd!.gbMonthUsd);
    expect(perGb.ssd!.gbMonthUsd).toBeGreaterThan(perGb['s3-standard']!.gbMonthUsd);
  });
});
