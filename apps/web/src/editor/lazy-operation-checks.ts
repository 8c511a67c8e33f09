type OperationChecks = typeof import("./operation-checks");

let loaded: OperationChecks | null = null;
let loading: Promise<OperationChecks> | null = null;

/**
 * Loads the contract's checks of edits (once); the chart page asks once it is idle. A load
 * that fails (the network, say) is forgotten, so the next call tries again.
 */
export function loadOperationChecks(): Promise<OperationChecks> {
  loading ??= import("./operation-checks").then(
    (checks) => {
      loaded = checks;
      return checks;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/**
 * The checks, or null while they load. An edit made before they are there is checked by
 * the engine (references) and by the server, which refuses a bad value; the editor then
 * undoes it and says why, as for any refused save.
 */
export function loadedOperationChecks(): OperationChecks | null {
  return loaded;
}
