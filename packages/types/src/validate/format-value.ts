/** Render a received value for a validation message (short, unambiguous); never throws. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'function') return `function ${safeName(value) || '(anonymous)'}`;
  if (value === null || typeof value !== 'object') return String(value);
  try {
    if (Array.isArray(value)) return value.length === 0 ? '[]' : `an array of ${value.length}`;
    const name = (value as object).constructor?.name;
    return typeof name === 'string' && name !== '' && name !== 'Object' ? `a ${name}` : 'an object';
  } catch {
    // A revoked Proxy, or a getter that throws.
    return 'an object';
  }
}

function safeName(fn: unknown): string {
  try {
    const name = (fn as { name?: unknown }).name;
    return typeof name === 'string' ? name : '';
  } catch {
    return '';
  }
}
