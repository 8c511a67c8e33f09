/** Longest slug before a "-2"-style suffix, so suffixed ids stay far below the 100-character id limit. */
const MAX_SLUG_LENGTH = 60;

/** "Head of Data & AI" → "head-of-data-ai"; accents folded, empty text → the fallback. */
export function slugify(text: string, fallback: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/^-+|-+$/g, "");
  return slug === "" ? fallback : slug;
}

/**
 * Hands out ids unique within one list: the wanted id (a slug) as is when it is free, else the
 * first free "-2", "-3"… variant. A counter per base keeps a run of equal slugs linear.
 */
export function createIdAllocator(taken: Iterable<string> = []) {
  const used = new Set(taken);
  const nextSuffix = new Map<string, number>();
  return {
    /** Marks an id (for example one given in the file) as used. */
    reserve(id: string): void {
      used.add(id);
    },
    allocate(wanted: string): string {
      if (!used.has(wanted)) {
        used.add(wanted);
        return wanted;
      }
      let suffix = nextSuffix.get(wanted) ?? 2;
      let candidate = `${wanted}-${suffix}`;
      while (used.has(candidate)) {
        suffix += 1;
        candidate = `${wanted}-${suffix}`;
      }
      nextSuffix.set(wanted, suffix + 1);
      used.add(candidate);
      return candidate;
    },
  };
}
