/*
 * Scripts run in the page (strings, not functions: tsx would wrap a function's inner named
 * functions in a `__name` helper that does not exist in the page).
 */

/**
 * Installed before the app loads (page.addInitScript). Wraps every `message` listener of
 * every WebSocket, without changing what it does, to time the editor's handling of a
 * peer's `applied`:
 * - `handler`: the listener itself, from its start to its return (the editor applies the
 *   batch synchronously in it: sync state, shareStructure, validateChart, its listeners);
 * - `commit`: to a microtask queued after the listener returned, so after React's own
 *   microtask that renders and commits the store change (useSyncExternalStore updates
 *   are synchronous);
 * - `frame`: to the first animation frame whose DOM shows the new title on the role's card
 *   (null: not within 2 s).
 * Counts presence messages, and those with a cursor, for the cursor figures.
 */
export const INSTRUMENT_LIVE = `(() => {
  const live = {
    applied: [],
    presence: 0,
    cursors: 0,
    recording: false,
  };
  window.__live = live;
  const watching = [];
  let frameRequested = false;
  const onFrame = () => {
    frameRequested = false;
    const now = performance.now();
    for (let i = watching.length - 1; i >= 0; i--) {
      const record = watching[i];
      const card = document.querySelector('[data-role-id="' + record.role + '"]');
      const shown = card !== null && (card.textContent.includes(record.title) ||
        card.querySelector('[title^="' + record.title + '"]') !== null);
      if (shown) {
        record.frame = now - record.start;
        watching.splice(i, 1);
      } else if (now - record.start > 2000) {
        record.frame = null;
        watching.splice(i, 1);
      }
    }
    if (watching.length > 0) request();
  };
  const request = () => {
    if (!frameRequested) {
      frameRequested = true;
      requestAnimationFrame(onFrame);
    }
  };
  const add = WebSocket.prototype.addEventListener;
  WebSocket.prototype.addEventListener = function (type, listener, options) {
    if (type !== "message" || typeof listener !== "function")
      return add.call(this, type, listener, options);
    const wrapped = function (event) {
      const data = event.data;
      const head = typeof data === "string" ? data.slice(0, 20) : "";
      const start = performance.now();
      const result = listener.call(this, event);
      const end = performance.now();
      if (head.startsWith('{"type":"presence"')) {
        live.presence++;
        if (data.includes('"cursor":{')) live.cursors++;
      } else if (head.startsWith('{"type":"applied"') && live.recording) {
        const record = {
          start,
          handler: end - start,
          commit: null,
          frame: undefined,
          role: null,
          title: null,
        };
        queueMicrotask(() => { record.commit = performance.now() - start; });
        const message = JSON.parse(data);
        const retitle = message.operations.find((op) => op.op === "updateRole" && op.changes.title);
        if (retitle !== undefined) {
          record.role = retitle.id;
          record.title = retitle.changes.title;
          watching.push(record);
          request();
        }
        live.applied.push(record);
      }
      return result;
    };
    return add.call(this, type, wrapped, options);
  };
})()`;

/**
 * Samples every peer cursor's position (its transform, in chart coordinates) once an
 * animation frame for `ms`, and counts the presence messages with a cursor meanwhile.
 * Resolves to, per cursor shown, the number of frames, of distinct positions, and the
 * largest move between two consecutive frames (screen px, from where each is drawn, so any
 * way of placing them is measured alike); and the zoom of the canvas.
 */
export const SAMPLE_CURSORS = (ms: number) => `new Promise((resolve) => {
  const live = window.__live;
  const cursorsBefore = live.cursors;
  const tracks = new Map();
  const started = performance.now();
  const parse = (element) => {
    const box = element.getBoundingClientRect();
    return { x: Math.round(box.left * 10) / 10, y: Math.round(box.top * 10) / 10 };
  };
  const tick = (now) => {
    const elements = document.querySelectorAll('[data-testid="peer-cursor"]');
    elements.forEach((element, index) => {
      if (element.hidden) return;
      const point = parse(element);
      if (point === null) return;
      let track = tracks.get(element);
      if (track === undefined) {
        track = { frames: 0, positions: 0, maxJump: 0, last: null };
        tracks.set(element, track);
      }
      track.frames++;
      if (track.last === null || track.last.x !== point.x || track.last.y !== point.y) {
        track.positions++;
        if (track.last !== null)
          track.maxJump = Math.max(track.maxJump, Math.hypot(point.x - track.last.x, point.y - track.last.y));
      }
      track.last = point;
    });
    if (now - started < ${ms}) requestAnimationFrame(tick);
    else {
      const viewport = document.querySelector(".react-flow__viewport");
      const zoom = Number(/scale\\(([-\\d.e]+)\\)/.exec(viewport ? viewport.style.transform : "")?.[1] ?? 1);
      resolve({
        elapsed: now - started,
        cursorMessages: live.cursors - cursorsBefore,
        zoom,
        tracks: [...tracks.values()].map(({ frames, positions, maxJump }) => ({ frames, positions, maxJump })),
      });
    }
  };
  requestAnimationFrame(tick);
})`;
