/**
 * Runs tasks of one key one after another, in the order they were given, and tasks of
 * different keys side by side. A failed task does not stop the ones after it.
 */
export function createPerKeyQueue() {
  const tails = new Map<string, Promise<unknown>>();
  return function inTurn<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = tails.get(key);
    const result = previous === undefined ? task() : previous.then(task, task);
    const tail = result.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return result;
  };
}
