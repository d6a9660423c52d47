import { DEFAULT_CATALOG, type Catalog } from '../catalog';
import { MIGRATIONS, migrate, type Migration, type RawDiagram } from './migrations';
import { capProblems, coveredBy, lineAndColumn, nestingProblem } from './loadBounds';
import type { Problem } from './problems';
import { CURRENT_VERSION, DIAGRAM_FORMAT, DiagramSchema, type Diagram } from './schema';
import { scenarioProblems } from '../scenarios/validate';
import { formatBoundsNesting, safeParseFast } from './fastParse';
import { checkStructure } from './structure';
import { problemsFromIssues } from './zodProblems';

export interface LoadOptions {
  catalog?: Catalog;
  /** Migration steps; the format's own by default. */
  migrations?: readonly Migration[];
  /**
   * Keep the ids' index built while checking the structure, for an estimate of
   * the diagram as read (withCheckedStructure lends it); a reader that only
   * checks the file leaves it to be collected.
   */
  keepIndex?: boolean;
}

export type LoadResult =
  | { ok: true; diagram: Diagram; migrations: string[] }
  | { ok: false; problems: Problem[] };

const fail = (path: string, message: string): LoadResult => ({ ok: false, problems: [{ path, message }] });

/** Decodes bytes as UTF-8 text, refusing binary data. */
export function decodeText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: string } {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { ok: false, message: `not a text file (binary data at byte ${nul})` };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, message: 'not a text file (it is not valid UTF-8)' };
  }
}

/** Parses JSON text, turning the parser's complaint into a located message. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: false, message: 'the file is empty' };
  const tooDeep = nestingProblem(text);
  if (tooDeep) return { ok: false, message: tooDeep };
  return parseText(text);
}

/** JSON.parse, which walks any nesting without recursion, its complaint made a located message; the nesting is not checked. */
function parseText(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(reason);
    const atEnd = position !== null && Number(position[1]) >= text.trimEnd().length;
    if (atEnd || /end of (JSON )?input|Unterminated string/i.test(reason)) {
      return { ok: false, message: 'not valid JSON: the file ends before the JSON is complete (was it cut short?)' };
    }
    const where = position ? ` at ${lineAndColumn(text, Number(position[1]))}` : '';
    const what = reason.replace(/ in JSON at position \d+.*$/, '').replace(/,? ?"[\s\S]*" is not valid JSON$/, '');
    return { ok: false, message: `not valid JSON${where}: ${what}` };
  }
}

/**
 * Reads a diagram file's content: bytes or text, JSON, format, version,
 * migrations, schema and structure. Returns the diagram, or every problem as
 * `PATH: message`; nothing is half-loaded and the input is never modified.
 */
export function loadDiagram(content: string | Uint8Array, options: LoadOptions = {}): LoadResult {
  let text: string;
  if (typeof content === 'string') text = content;
  else {
    const decoded = decodeText(content);
    if (!decoded.ok) return fail('', decoded.message);
    text = decoded.text;
  }
  if (text.trim() === '') return fail('', 'the file is empty');
  // Nesting past the limit is refused whatever else is wrong (see nestingProblem). JSON.parse walks any
  // nesting without recursion, so the text is parsed first and searched for it only when the reading
  // cannot rule it out: when the file is refused, or holds parts its format leaves open (see formatBoundsNesting).
  const nesting = () => nestingProblem(text);
  const parsed = parseText(text);
  if (!parsed.ok) return fail('', nesting() ?? parsed.message);
  // The parsed JSON is this call's own, so the diagram may be made of it rather than of a copy.
  return readValue(parsed.value, options, true, nesting);
}

/** Validates an already parsed JSON value as a diagram (see loadDiagram); the diagram shares nothing with the value. */
export function loadDiagramValue(value: unknown, options: LoadOptions = {}): LoadResult {
  return readValue(value, options, false);
}

/**
 * Reads a parsed value as a diagram. `nesting` says why the text it was parsed
 * from nests too deep, if it does: asked before any complaint (which it then
 * replaces) and before anything walks a value the format does not bound.
 */
function readValue(value: unknown, options: LoadOptions, reuseInput: boolean, nesting?: () => string | undefined): LoadResult {
  const tooDeep = (): LoadResult | undefined => {
    const message = nesting?.();
    return message === undefined ? undefined : fail('', message);
  };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return tooDeep() ?? fail('', 'not an MLSD Studio diagram: the file must hold one JSON object');
  }
  const raw = value as RawDiagram;
  if (raw.format !== DIAGRAM_FORMAT) {
    const found = () => (raw.format === undefined ? 'it has no "format" field' : `found ${JSON.stringify(raw.format)}`);
    return tooDeep() ?? fail('format', `must be "${DIAGRAM_FORMAT}" (${found()}): this is not an MLSD Studio diagram`);
  }
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return tooDeep() ?? fail('version', `must be a whole number, not ${JSON.stringify(version)}`);
  }
  if (version > CURRENT_VERSION) {
    return tooDeep() ?? fail('version', `${version} is newer than this MLSD Studio reads (${CURRENT_VERSION}): update MLSD Studio to open it`);
  }
  // Migrating copies the whole value.
  const deepBeforeMigrating = version < CURRENT_VERSION ? tooDeep() : undefined;
  if (deepBeforeMigrating) return deepBeforeMigrating;
  const migrated = migrate(raw, version, CURRENT_VERSION, options.migrations ?? MIGRATIONS);
  if (!migrated.ok) return fail('version', migrated.message);

  const catalog = options.catalog ?? DEFAULT_CATALOG;
  const result = safeParseFast(DiagramSchema, migrated.doc, { reuseInput });
  const deep = result.success && formatBoundsNesting() ? undefined : tooDeep();
  if (deep) return deep;
  if (!result.success) {
    const problems = problemsFromIssues(DiagramSchema, result.error.issues, migrated.doc);
    return { ok: false, problems: capProblems([...problems, ...structureOfInvalid(migrated.doc, catalog, problems)]) };
  }
  const problems = [...checkStructure(result.data, catalog, options.keepIndex === true), ...scenarioProblems(result.data, catalog)];
  if (problems.length > 0) return { ok: false, problems: capProblems(problems) };
  return { ok: true, diagram: result.data, migrations: migrated.applied };
}

/**
 * The structural problems of a document the schema rejected, so one pass shows
 * every problem: the checks run on the well-formed parts, and nothing is
 * repeated where the schema already spoke.
 */
function structureOfInvalid(doc: RawDiagram, catalog: Catalog, reported: readonly Problem[]): Problem[] {
  if (!Array.isArray(doc.nodes) || !Array.isArray(doc.edges)) return [];
  const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  const nodes = doc.nodes.map((n) => (isObject(n) ? n : {}));
  const edges = doc.edges.map((e) => (isObject(e) ? e : {}));
  let found: Problem[];
  try {
    found = checkStructure({ ...(doc as Diagram), nodes, edges }, catalog);
  } catch {
    return [];
  }
  const covered = coveredBy(reported);
  return found.filter((p) => !covered(p.path));
}

/** The `format` string of nodes copied to the clipboard. */
export const CLIP_FORMAT = 'mlsd-studio/clip';

/** Nodes, edges and annotations from the clipboard, checked like a file, or why none can be pasted. */
export type ClipResult =
  | { ok: true; nodes: Diagram['nodes']; edges: Diagram['edges']; annotations: NonNullable<Diagram['annotations']>; droppedEdges: number }
  | { ok: false; reason: string };

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Checks a clip (copied nodes, the edges among them, sticky notes and free text) with the same schema
 * and structure checks as a file. What is unambiguous is repaired: edges to
 * nodes outside the clip are dropped (ids are made fresh when pasting);
 * anything else wrong refuses the whole clip with the reason, so a paste
 * either adds valid nodes or changes nothing.
 */
export function loadClip(value: unknown, options: LoadOptions = {}): ClipResult {
  if (!isRecord(value) || value.format !== CLIP_FORMAT || !Array.isArray(value.nodes) || !Array.isArray(value.edges)) {
    return { ok: false, reason: 'the clipboard holds no MLSD Studio nodes' };
  }
  const annotations = value.annotations ?? [];
  if (!Array.isArray(annotations)) return { ok: false, reason: 'the copied notes are not a list' };
  if (value.nodes.length === 0 && annotations.length === 0) return { ok: false, reason: 'the clipboard holds no nodes or notes' };
  const ids = new Set(value.nodes.map((n) => (isRecord(n) ? n.id : undefined)).filter((id): id is string => typeof id === 'string'));
  const inside = (edge: unknown) => !isRecord(edge) || (ids.has(edge.source as string) && ids.has(edge.target as string));
  const edges = value.edges.filter(inside);
  // Copied nodes name their groups; pasting keeps those the document has, so here any group name is taken as given.
  const groupIds = new Set(value.nodes.map((n) => (isRecord(n) ? n.group : undefined)).filter((g): g is string => typeof g === 'string'));
  const groups = [...groupIds].map((id) => ({ id, label: id.slice(0, 120) || id }));
  const trial = { format: DIAGRAM_FORMAT, version: CURRENT_VERSION, title: 'Clipboard', groups, nodes: value.nodes, edges, annotations };
  const result = loadDiagramValue(trial, options);
  if (!result.ok) {
    const shown = result.problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`);
    const more = result.problems.length > 3 ? ` (and ${result.problems.length - 3} more)` : '';
    return { ok: false, reason: `the copied nodes are not valid: ${shown.join('; ')}${more}` };
  }
  const { nodes, edges: kept, annotations: notes = [] } = result.diagram;
  return { ok: true, nodes, edges: kept, annotations: notes, droppedEdges: value.edges.length - edges.length };
}
