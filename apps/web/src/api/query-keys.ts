/** Every TanStack Query key of the app, in one place so invalidation cannot miss one. */
export const chartKeys = {
  all: ["charts"] as const,
  lists: () => [...chartKeys.all, "list"] as const,
  list: (limit: number) => [...chartKeys.lists(), { limit }] as const,
  detail: (id: string) => [...chartKeys.all, "detail", id] as const,
};

export const templateKeys = {
  all: ["templates"] as const,
};

export const importKeys = {
  all: ["import"] as const,
  /** `fileId` tells files apart without putting their (possibly large) text in the key. */
  preview: (fileId: number, format: string, into: string | null) =>
    [...importKeys.all, "preview", { fileId, format, into }] as const,
};
