/** A command line split into positionals and flags. */
export interface ParsedArgs {
  positionals: string[];
  /** Each flag's last value (a repeated flag keeps the last). */
  flags: Map<string, string | true>;
  /** Every value a flag that takes one was given, in order (`--scenario a --scenario b`). */
  values: Map<string, string[]>;
}

/** Flags a command accepts: `true` for a switch, `'value'` for one that takes a value. */
export type FlagSpec = Record<string, true | 'value'>;

/**
 * Parses `--flag`, `--flag value`, `--flag=value` and `-o value` (short names
 * map through `aliases`). Unknown flags and missing values are usage errors.
 */
export function parseArgs(
  argv: readonly string[],
  spec: FlagSpec,
  aliases: Record<string, string> = {},
): { ok: true; args: ParsedArgs } | { ok: false; message: string } {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  const values = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const [rawName, inline] = arg.startsWith('--') ? splitOnce(arg.slice(2)) : [own(aliases, arg.slice(1)) ?? arg.slice(1), undefined];
    const name = own(aliases, rawName) ?? rawName;
    const kind = own(spec, name);
    if (kind === undefined) return { ok: false, message: `unknown option ${arg}` };
    if (kind === true) {
      if (inline !== undefined) return { ok: false, message: `option --${name} takes no value` };
      flags.set(name, true);
    } else {
      const value = inline ?? argv[++i];
      if (value === undefined) return { ok: false, message: `option --${name} needs a value` };
      flags.set(name, value);
      values.set(name, [...(values.get(name) ?? []), value]);
    }
  }
  return { ok: true, args: { positionals, flags, values } };
}

function splitOnce(text: string): [string, string | undefined] {
  const at = text.indexOf('=');
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/** A record's own entry for a name; built-in object properties (`constructor`) are not entries. */
function own<T>(record: Record<string, T>, name: string): T | undefined {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}
