/**
 * Deep copy and deep freeze for plain JSON-like data (objects, arrays, primitives), such
 * as a chart document. The domain package has no DOM or Node types, so `structuredClone`
 * is not available to it; chart documents hold nothing a plain copy would lose.
 */
export function deepCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => deepCopy(item)) as T;
  if (value !== null && typeof value === "object") {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = deepCopy(item);
    return copy as T;
  }
  return value;
}

/** Freezes the value and everything inside it, so shared originals cannot be changed. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}
