/** A raw diagram object, before schema validation. */
export type RawDiagram = Record<string, unknown>;

/** One named step that turns a file of version `from` into version `from + 1`. */
export interface Migration {
  from: number;
  name: string;
  up: (doc: RawDiagram) => RawDiagram;
}

/**
 * The format's migration steps, oldest first. Version 1 is the first public
 * format, so there is nothing to migrate yet; a version 2 adds `{ from: 1, ... }`.
 */
export const MIGRATIONS: readonly Migration[] = [];

export type MigrationResult = { ok: true; doc: RawDiagram; applied: string[] } | { ok: false; message: string };

/** Applies the steps from `version` up to `target`, one named step at a time, without touching the input. */
export function migrate(doc: RawDiagram, version: number, target: number, migrations: readonly Migration[]): MigrationResult {
  // Nothing to migrate: the input is returned as it is, never copied (a large file would be, for nothing).
  let current = version < target ? structuredClone(doc) : doc;
  const applied: string[] = [];
  for (let v = version; v < target; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) return { ok: false, message: `version ${v} files cannot be read: no migration from version ${v} to ${v + 1}` };
    current = { ...step.up(current), version: v + 1 };
    applied.push(step.name);
  }
  return { ok: true, doc: current, applied };
}
