/** Joins the class names that are set: cx(styles.a, isOn && styles.b) → "a b". */
export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter((name) => typeof name === "string" && name !== "").join(" ");
}
