/**
 * How the end-to-end tests and the editor benchmark launch Debian's Chromium (Playwright's
 * own browser download does not work offline): the same binary and flags for both.
 */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};
