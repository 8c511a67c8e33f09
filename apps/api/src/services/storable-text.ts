import { formatPath, type InputIssue } from "@rolemap/contract";
import { invalidInput } from "../errors";

const NUL = "\u0000";
/** A quick filter: almost no string has either, so the exact checks rarely run. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 is what this looks for.
const SUSPECT = /[\u0000\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Strings valid in a chart document that PostgreSQL cannot store: U+0000 (text and jsonb
 * refuse it) and a lone UTF-16 surrogate (`"\ud800"` in JSON, not a character). Without
 * this check they reach the database and fail there as a 500.
 */
export function unstorableText(value: unknown, prefix: string): InputIssue[] {
  const issues: InputIssue[] = [];
  // One path stack, copied only for a hit: a 20,000-role chart has ~300,000 strings.
  const path: PropertyKey[] = prefix === "" ? [] : [prefix];
  const walk = (inner: unknown) => {
    if (typeof inner === "string") {
      if (!SUSPECT.test(inner)) return;
      if (inner.includes(NUL))
        issues.push({ path: formatPath(path), message: "must not contain the character U+0000" });
      else if (LONE_SURROGATE.test(inner))
        issues.push({ path: formatPath(path), message: "must not contain a lone surrogate" });
    } else if (Array.isArray(inner)) {
      for (let i = 0; i < inner.length; i++) {
        path.push(i);
        walk(inner[i]);
        path.pop();
      }
    } else if (typeof inner === "object" && inner !== null) {
      for (const key in inner) {
        path.push(key);
        walk((inner as Record<string, unknown>)[key]);
        path.pop();
      }
    }
  };
  walk(value);
  return issues;
}

/** Throws a 400 naming every string of `value` that the database cannot store. */
export function assertStorable(value: unknown, prefix: string): void {
  const issues = unstorableText(value, prefix);
  if (issues.length > 0) throw invalidInput("text that cannot be stored", issues);
}
