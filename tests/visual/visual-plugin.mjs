/**
 * The Node side of the visual tests (tests/visual/): the browser cannot take a
 * screenshot of itself or touch the repository's files, so it asks this
 * plugin through web-test-runner's commands.
 *
 * - `rk-visual-screenshot` { clip, save? }: a PNG of a region of the page
 *   (CSS pixels, scale factor 1), returned as base64; `save` also writes it
 *   under tests/visual/failed/ so a failing case can be looked at.
 * - `rk-visual-baseline` { name }: the committed baseline PNG (base64) or null.
 * - `rk-visual-write` { name, png, kind }: writes a baseline (kind "baseline")
 *   or a failure's actual/diff image (kind "failed", under tests/visual/failed/).
 * - `rk-visual-renderer`: the browser version the baselines were made with
 *   (baselines/renderer.txt, written by an update) and the one running now.
 *
 * `npm run test:visual:update` passes --update-visual-baselines: the pixel test
 * then overwrites every baseline with what it sees instead of comparing.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const BASELINE_DIR = join(here, 'baselines');
export const FAILED_DIR = join(here, 'failed');

/** A name from the browser becomes a file inside one of our two folders, never a path elsewhere. */
function fileFor(dir, name) {
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(name)) throw new Error(`visual tests: bad image name ${JSON.stringify(name)}`);
  const file = resolve(dir, `${name}.png`);
  if (dirname(file) !== dir) throw new Error(`visual tests: ${name} is outside ${dir}`);
  return file;
}

function write(dir, name, base64) {
  mkdirSync(dir, { recursive: true });
  const file = fileFor(dir, name);
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return file;
}

export function visualTestsPlugin({ update = process.argv.includes('--update-visual-baselines') } = {}) {
  return {
    name: 'retention-kit-visual-tests',
    async executeCommand({ command, payload, session }) {
      if (command === 'rk-visual-mode') return { update };
      if (command === 'rk-visual-renderer') {
        // Antialiasing and font hinting change between browser builds: baselines hold for the build that made them.
        const current = await session.browser.getPage(session.id).browser().version();
        const file = join(BASELINE_DIR, 'renderer.txt');
        if (update) {
          mkdirSync(BASELINE_DIR, { recursive: true });
          writeFileSync(file, `${current}\n`);
        }
        return { recorded: existsSync(file) ? readFileSync(file, 'utf8').trim() : null, current };
      }
      if (command === 'rk-visual-screenshot') {
        if (session.browser.type !== 'puppeteer') throw new Error('visual tests: screenshots need the Chrome launcher');
        const page = session.browser.getPage(session.id);
        const { x, y, width, height } = payload.clip;
        const png = await page.screenshot({
          type: 'png',
          clip: { x, y, width, height, scale: 1 },
          captureBeyondViewport: true,
          encoding: 'base64',
        });
        const saved = payload.save ? write(FAILED_DIR, payload.save, png) : undefined;
        return { png, saved };
      }
      if (command === 'rk-visual-baseline') {
        const file = fileFor(BASELINE_DIR, payload.name);
        return { png: existsSync(file) ? readFileSync(file).toString('base64') : null, file };
      }
      if (command === 'rk-visual-write') {
        const dir = payload.kind === 'baseline' ? BASELINE_DIR : FAILED_DIR;
        return { file: write(dir, payload.name, payload.png) };
      }
      return undefined;
    },
  };
}
