import * as z from 'zod';

type AnySchema = z.core.$ZodType;
type Def = { type: string; checks?: readonly AnySchema[]; coerce?: boolean } & Record<string, unknown>;

/** What a compiled reader returns for a value it cannot vouch for: zod then reads the value itself. */
const UNSURE: unique symbol = Symbol('unsure');
type Read = (value: unknown) => unknown;

const defOf = (schema: AnySchema) => schema._zod.def as unknown as Def;

/**
 * zod's own guard on length checks (run them only on values with a length),
 * which every such check carries unless given another: plain code checks the
 * type first, so the guard always holds where it applies. Any other guard is
 * left to zod.
 */
const LENGTH_GUARD = (z.string().min(1)._zod.def.checks![0]!._zod.def as { when?: unknown }).when;
const checkDefs = (def: Def) => (def.checks ?? []).map((check) => check._zod.def as unknown as Record<string, unknown>);

/** Parts of the value given to the last safeParseFast call that zod read itself. */
let zodParts = 0;

/** Parts of that value that no part of the schema describes: anything under z.unknown(), keys an object drops. */
let openParts = 0;

/** How many reads have begun (see safeParseFast): what a reader learns once a read is kept for that read. */
let readCount = 0;

/** zod itself reading a value: its output when valid, else UNSURE. */
function byZod(schema: AnySchema): Read {
  return (value) => {
    zodParts++;
    const result = z.safeParse(schema, value);
    return result.success ? result.data : UNSURE;
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The bounds a number's checks set, or undefined when a check is one this reader does not know. */
function numberReader(def: Def): Read | undefined {
  let min = -Infinity;
  let minInclusive = true;
  let max = Infinity;
  let maxInclusive = true;
  let whole = def.format === 'safeint';
  if (def.format !== undefined && !whole) return undefined;
  for (const check of checkDefs(def)) {
    if (check.when !== undefined) return undefined;
    const value = check.value;
    if (check.check === 'greater_than' && typeof value === 'number') {
      if (value > min || (value === min && !check.inclusive)) [min, minInclusive] = [value, check.inclusive === true];
    } else if (check.check === 'less_than' && typeof value === 'number') {
      if (value < max || (value === max && !check.inclusive)) [max, maxInclusive] = [value, check.inclusive === true];
    } else if (check.check === 'number_format' && check.format === 'safeint') whole = true;
    else return undefined;
  }
  return (value) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return UNSURE;
    if (whole && !Number.isSafeInteger(value)) return UNSURE;
    if (minInclusive ? value < min : value <= min) return UNSURE;
    if (maxInclusive ? value > max : value >= max) return UNSURE;
    return value;
  };
}

function stringReader(def: Def): Read | undefined {
  // A string of a given format (z.email(), z.url(), ...) is checked by zod.
  if (def.format !== undefined) return undefined;
  let minLength = 0;
  let maxLength = Infinity;
  const patterns: RegExp[] = [];
  for (const check of checkDefs(def)) {
    if (check.when !== undefined && check.when !== LENGTH_GUARD) return undefined;
    if (check.check === 'min_length' && typeof check.minimum === 'number') minLength = Math.max(minLength, check.minimum);
    else if (check.check === 'max_length' && typeof check.maximum === 'number') maxLength = Math.min(maxLength, check.maximum);
    else if (check.check === 'string_format' && check.format === 'regex' && check.pattern instanceof RegExp) patterns.push(check.pattern);
    else return undefined;
  }
  return (value) => {
    if (typeof value !== 'string' || value.length < minLength || value.length > maxLength) return UNSURE;
    for (const pattern of patterns) {
      pattern.lastIndex = 0;
      if (!pattern.test(value)) return UNSURE;
    }
    return value;
  };
}

const isPrimitive = (v: unknown) => typeof v === 'string' || typeof v === 'boolean' || v === null || (typeof v === 'number' && !Number.isNaN(v));

function setReader(values: readonly unknown[]): Read | undefined {
  if (!values.every(isPrimitive)) return undefined;
  const allowed = new Set(values);
  return (value) => (allowed.has(value) ? value : UNSURE);
}

/** Object shapes: keys in the schema's order (as zod writes them), unknown keys refused (strict) or dropped. */
function objectReader(def: Def): Read | undefined {
  const catchall = def.catchall as AnySchema | undefined;
  const strict = catchall !== undefined && defOf(catchall).type === 'never';
  if ((catchall !== undefined && !strict) || checkDefs(def).length > 0) return undefined;
  const shape = def.shape as Record<string, AnySchema>;
  const fields = Object.keys(shape).map((key) => {
    const field = shape[key]!;
    const optional = defOf(field).type === 'optional';
    if (optional && (field._zod.optin !== 'optional' || field._zod.optout !== 'optional')) return undefined;
    const entry = { key, optional, read: UNREAD };
    const inner = optional ? (defOf(field).innerType as AnySchema) : field;
    entry.read = (value) => (entry.read = compile(inner))(value);
    return entry;
  });
  if (fields.some((f) => f === undefined) || Object.keys(shape).includes('__proto__')) return undefined;
  const list = fields as { key: string; optional: boolean; read: Read }[];
  const count = list.length;
  const keys = list.map(({ key }) => key);
  const isRequired = Uint8Array.from(list, (f) => (f.optional ? 0 : 1));
  const position = new Map(keys.map((key, i) => [key, i]));
  const required = list.filter((f) => !f.optional).length;
  // For each field (and the start, slot 0), the field whose key came next in the last object read: the values of a
  // list share their keys' order, so a key is most often found by one comparison, and otherwise by the map.
  const follows = new Int32Array(count + 1);
  // What was read of an object, by field (`seen` says which fields it has), kept for the next object rather than made
  // anew and emptied after each, so the reader holds no part of a document once it is read. An object read while this
  // reader reads another (a schema that holds itself) takes its own.
  const values: unknown[] = new Array(count).fill(undefined);
  const marks = new Float64Array(count);
  let stamp = 0;
  let readingIn = -1;
  // Whether Object.prototype holds a field's name (checked once a read): a value may then inherit it, which only zod may
  // judge. Without such a name, any key of a plain object the loop below meets that is a field's is the object's own.
  let inheritable = false;
  let checkedAt = -1;
  return (value) => {
    if (!isPlainObject(value)) return UNSURE;
    if (checkedAt !== readCount) [inheritable, checkedAt] = [list.some(({ key }) => key in Object.prototype), readCount];
    const outer = readingIn;
    const nested = outer === readCount;
    const read = nested ? new Array<unknown>(count) : values;
    const seen = nested ? new Float64Array(count) : marks;
    const mark = ++stamp;
    readingIn = readCount;
    // One pass over the value's keys, each field read as it comes. The value itself serves as the output when its keys
    // are the schema's, in its order, and every field comes out unchanged; otherwise what was read is copied in the schema's order.
    let inOrder = reuseInput;
    let last = -1;
    let requiredSeen = 0;
    let result: unknown = value;
    for (const key in value) {
      let at = follows[last + 1]!;
      if (keys[at] !== key) {
        const found = position.get(key);
        if (found === undefined) {
          if (strict) {
            result = UNSURE;
            break;
          }
          inOrder = false;
          openParts++;
          continue;
        }
        at = follows[last + 1] = found;
      }
      const field = value[key];
      const parsed = field === undefined ? UNSURE : list[at]!.read(field);
      if (parsed === UNSURE) {
        result = UNSURE;
        break;
      }
      if (at < last || parsed !== field) inOrder = false;
      last = at;
      requiredSeen += isRequired[at]!;
      read[at] = parsed;
      seen[at] = mark;
    }
    if (result !== UNSURE && requiredSeen < required) result = UNSURE;
    if (result !== UNSURE && inheritable && list.some(({ key }) => !Object.hasOwn(value, key) && key in value)) result = UNSURE;
    if (result !== UNSURE && !inOrder) {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < count; i++) if (seen[i] === mark) out[keys[i]!] = read[i];
      result = out;
    }
    for (let i = 0; i < count; i++) read[i] = undefined;
    readingIn = outer;
    return result;
  };
}

function arrayReader(def: Def): Read | undefined {
  let minLength = 0;
  let maxLength = Infinity;
  for (const check of checkDefs(def)) {
    if (check.when !== undefined && check.when !== LENGTH_GUARD) return undefined;
    if (check.check === 'min_length' && typeof check.minimum === 'number') minLength = Math.max(minLength, check.minimum);
    else if (check.check === 'max_length' && typeof check.maximum === 'number') maxLength = Math.min(maxLength, check.maximum);
    else return undefined;
  }
  let element: Read = (item) => (element = compile(def.element as AnySchema))(item);
  return (value) => {
    if (!Array.isArray(value) || value.length < minLength || value.length > maxLength) return UNSURE;
    let out: unknown[] | undefined = reuseInput ? undefined : new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = element(value[i]);
      if (item === UNSURE) return UNSURE;
      if (out === undefined && item !== value[i]) out = value.slice(0, i);
      if (out !== undefined) out[i] = item;
    }
    return out ?? value;
  };
}

/** Records keyed by strings (or a partial record keyed by an enum), values read in the input's key order. */
function recordReader(def: Def): Read | undefined {
  const keyDef = defOf(def.keyType as AnySchema);
  if (def.mode !== undefined || checkDefs(def).length > 0) return undefined;
  if (!(keyDef.type === 'string' || (keyDef.type === 'enum' && def.partial === true))) return undefined;
  let readKey: Read = (key) => (readKey = compile(def.keyType as AnySchema))(key);
  let readValue: Read = (item) => (readValue = compile(def.valueType as AnySchema))(item);
  return (value) => {
    if (!isPlainObject(value)) return UNSURE;
    const out: Record<string, unknown> = {};
    let same = reuseInput;
    for (const key in value) {
      if (key === '__proto__' || !Object.hasOwn(value, key) || readKey(key) === UNSURE) return UNSURE;
      const item = readValue(value[key]);
      if (item === UNSURE) return UNSURE;
      same &&= item === value[key];
      out[key] = item;
    }
    return same ? value : out;
  };
}

/** A union of plain values (numbers, strings, literals): what the first option that takes the value makes of it, as zod does. */
function unionReader(def: Def): Read | undefined {
  const options = def.options as AnySchema[];
  const leaves = new Set(['number', 'string', 'boolean', 'literal', 'enum']);
  if (!options.every((o) => leaves.has(defOf(o).type)) || checkDefs(def).length > 0) return undefined;
  const reads = options.map(compile);
  return (value) => {
    for (const read of reads) {
      const out = read(value);
      if (out !== UNSURE) return out;
    }
    return UNSURE;
  };
}

function leafReader(schema: AnySchema, def: Def): Read | undefined {
  if (def.coerce) return undefined;
  switch (def.type) {
    case 'number': return numberReader(def);
    case 'string': return stringReader(def);
    case 'boolean': return checkDefs(def).length === 0 ? (v) => (typeof v === 'boolean' ? v : UNSURE) : undefined;
    case 'enum': {
      const values = Object.values(def.entries as object);
      return checkDefs(def).length === 0 && values.every((v) => typeof v === 'string') ? setReader(values) : undefined;
    }
    case 'literal': return checkDefs(def).length === 0 ? setReader(def.values as unknown[]) : undefined;
    case 'unknown': return checkDefs(def).length === 0 ? (v) => {
      if (v !== null && typeof v === 'object') openParts++;
      return v;
    } : undefined;
    case 'never': return () => UNSURE;
    case 'optional': {
      if (schema._zod.optin !== 'optional') return undefined;
      let inner: Read = (v) => (inner = compile(def.innerType as AnySchema))(v);
      return (v) => (v === undefined ? undefined : inner(v));
    }
    default: return undefined;
  }
}

const compiled = new WeakMap<AnySchema, Read>();

/** Whether the value being read may be returned in place of a copy (see safeParseFast). */
let reuseInput = false;

/** Stands for a part's reader until the part is first read (see compile). */
const UNREAD: Read = () => UNSURE;

/**
 * A reader for a schema: plain code for the parts this file knows, zod itself
 * for any other part. The parts inside it are compiled when first read, so a
 * small file pays only for the parts of the format it uses.
 */
function compile(schema: AnySchema): Read {
  const cached = compiled.get(schema);
  if (cached) return cached;
  // A schema that holds itself (z.lazy) is read by zod; the placeholder stops the recursion.
  compiled.set(schema, byZod(schema));
  const def = defOf(schema);
  const read =
    (def.type === 'object' ? objectReader(def) : def.type === 'array' ? arrayReader(def) : def.type === 'record' ? recordReader(def)
      : def.type === 'union' ? unionReader(def) : leafReader(schema, def)) ?? byZod(schema);
  compiled.set(schema, read);
  return read;
}

/**
 * `schema.safeParse(value)` with the same result, faster on valid input: the
 * schema is read once into plain functions that check a value and copy it as
 * zod would (object keys in the schema's order). Anything they cannot vouch
 * for, zod reads, so its issues and messages are zod's own. With
 * `reuseInput` (for a caller that owns the value and keeps no other use of
 * it, such as JSON it has just parsed), parts already in the form zod would
 * give are returned as they are rather than copied.
 */
export function safeParseFast<S extends z.ZodType>(schema: S, value: unknown, options: { reuseInput?: boolean } = {}): z.ZodSafeParseResult<z.output<S>> {
  reuseInput = options.reuseInput === true;
  zodParts = 0;
  openParts = 0;
  readCount++;
  let read: unknown;
  try {
    read = compile(schema)(value);
  } finally {
    reuseInput = false;
  }
  if (read !== UNSURE) return { success: true, data: read as z.output<S> };
  zodParts++;
  return schema.safeParse(value);
}

/**
 * How many parts of the value given to the last `safeParseFast` call zod
 * read itself: 0 when plain code read all of it, one more for the whole value
 * when plain code could not vouch for it. Reading stays fast only while the
 * format's parts are ones plain code knows.
 */
export function zodPartsRead(): number {
  return zodParts;
}

/**
 * Whether the value given to the last `safeParseFast` call was read all through
 * by plain code following the schema's shape: no part read by zod, no object
 * or list under z.unknown(), no key an object dropped. Its nesting is then the
 * schema's own, however the value was made.
 */
export function formatBoundsNesting(): boolean {
  return zodParts === 0 && openParts === 0;
}

