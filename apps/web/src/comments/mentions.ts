/**
 * Mentions of roles in a comment, by name: `@CTO`, `@Chief Information Officer`. The body
 * stays plain text (readable in the API and exports); a mention is `@` followed by a role's
 * title, the longest title that matches at that spot, ending at a word boundary. Pure.
 */

export interface MentionableRole {
  id: string;
  title: string;
}

export type BodySegment =
  | { kind: "text"; text: string }
  | { kind: "mention"; text: string; roleId: string };

const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}_]/u.test(char);

/** The body cut into text and mentions of roles the chart has (unknown `@names` stay text). */
export function parseMentions(body: string, roles: readonly MentionableRole[]): BodySegment[] {
  // Longest titles first: "@Chief Information Officer" before "@Chief".
  const titles = roles
    .filter((role) => role.title.trim() !== "")
    .map((role) => ({ role, length: role.title.length, lower: role.title.toLowerCase() }))
    .sort((a, b) => b.length - a.length);
  const segments: BodySegment[] = [];
  let text = "";
  let at = 0;
  while (at < body.length) {
    const char = body[at] as string;
    // An `@` inside a word (an email address) is not a mention.
    if (char === "@" && !isWordChar(body[at - 1])) {
      const match = titles.find(
        ({ length, lower }) =>
          body.slice(at + 1, at + 1 + length).toLowerCase() === lower &&
          !isWordChar(body[at + 1 + length]),
      );
      if (match !== undefined) {
        if (text !== "") segments.push({ kind: "text", text });
        text = "";
        const end = at + 1 + match.length;
        segments.push({ kind: "mention", text: body.slice(at, end), roleId: match.role.id });
        at = end;
        continue;
      }
    }
    text += char;
    at += 1;
  }
  if (text !== "") segments.push({ kind: "text", text });
  return segments;
}

/** An `@` being typed: where it starts and what follows it up to the caret. */
export interface MentionQuery {
  start: number;
  query: string;
}

/** Longer than any sensible title: past this the `@` is not a mention being typed. */
const MAX_QUERY = 60;

/** The mention being typed just before the caret, or null (no `@`, or a line break since). */
export function mentionAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const start = before.lastIndexOf("@");
  if (start < 0 || isWordChar(before[start - 1])) return null;
  const query = before.slice(start + 1);
  if (query.length > MAX_QUERY || /[\n@]/.test(query)) return null;
  return { start, query };
}

/** The roles whose title matches what was typed: titles starting with it first, then containing it. */
export function suggestRoles(
  roles: readonly MentionableRole[],
  query: string,
  limit = 8,
): MentionableRole[] {
  const needle = query.trim().toLowerCase();
  // "@CTO " — a whole title and a space: the mention is done, nothing more to offer.
  if (/\s$/.test(query) && roles.some((role) => role.title.toLowerCase() === needle)) return [];
  const starts: MentionableRole[] = [];
  const contains: MentionableRole[] = [];
  for (const role of roles) {
    const title = role.title.toLowerCase();
    if (title.startsWith(needle)) starts.push(role);
    else if (title.includes(needle)) contains.push(role);
  }
  return [...starts, ...contains].slice(0, limit);
}

/** The text with the typed `@query` replaced by `@Title ` and where the caret goes after it. */
export function insertMention(
  text: string,
  mention: MentionQuery,
  title: string,
): { text: string; caret: number } {
  const end = mention.start + 1 + mention.query.length;
  const inserted = `@${title} `;
  const rest = text.slice(end).replace(/^ /, "");
  return {
    text: text.slice(0, mention.start) + inserted + rest,
    caret: mention.start + inserted.length,
  };
}
