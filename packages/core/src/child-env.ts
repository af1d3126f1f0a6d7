/**
 * The child's full environment as "K=V" entries: the host's environment at
 * call time (when `extendEnv`) with `overlay` applied; `undefined` removes a key.
 */
export function childEnv(
  base: Record<string, string | undefined>,
  overlay: Record<string, string | undefined>,
  extendEnv: boolean,
): string[] {
  const merged: Record<string, string | undefined> = extendEnv ? { ...base } : {};
  for (const [key, value] of Object.entries(overlay)) {
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  const out: string[] = [];
  for (const [key, value] of Object.entries(merged)) {
    if (value !== undefined && !key.includes('=') && !key.includes('\0') && !value.includes('\0')) {
      out.push(`${key}=${value}`);
    }
  }
  return out;
}
