const REASONS = new Map<string, string>([
  ['ENOENT', 'no such file'],
  ['EACCES', 'permission denied'],
  ['EPERM', 'permission denied'],
  ['EISDIR', 'it is a folder'],
  ['ENOTDIR', 'a parent is not a folder'],
  ['ENOSPC', 'no space left on device'],
  ['EDQUOT', 'disk quota exceeded'],
  ['EFBIG', 'file too large'],
  ['EROFS', 'the disk is read-only'],
  ['EXDEV', 'the temporary file and the target are on different disks'],
  ['EIO', 'the disk reported an input/output error'],
  ['ESHORT', 'the disk accepted only part of the data'],
  ['ECHANGED', 'it changed on disk since it was opened'],
  ['EEXIST', 'it already exists'],
  ['EREADONLY', 'the file is read-only'],
]);

/** The error code of a file-system error (`ENOSPC`), or undefined. */
export function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A short, human reason for a file-system error (never a stack trace). */
export function reasonOf(error: unknown): string {
  const code = codeOf(error);
  const known = code === undefined ? undefined : REASONS.get(code);
  return known ?? (error instanceof Error ? error.message : String(error));
}
