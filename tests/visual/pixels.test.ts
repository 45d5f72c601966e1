/**
 * Pixel baselines: every element of the kit, in its first gallery example, in
 * light and dark at a phone (390 px) and a desktop (1280 px) width, compared
 * with the PNGs committed in tests/visual/baselines/. A change of a chart's
 * look fails here; an intended one is accepted with `npm run test:visual:update`
 * (which rewrites the baselines), then the PNGs are looked at and committed.
 *
 * The picture is made deterministic: the gallery's seeded sample data (which
 * ends in 2024, so no period depends on today), lang="en", a font the page
 * sets (DejaVu Sans, present wherever Debian's Chromium is), reduced motion,
 * a light colour scheme, scale factor 1 and a plain page around the element.
 */
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import { galleryExamples, type GalleryExample } from './gallery-examples.ts';
import { compareImages, decodePng, encodePng } from './pixel-compare.ts';
import { FIXED_FONT, Stage, prepareStagePage, type Theme } from './stage.ts';

const WIDTHS = [390, 1280];
const THEMES: Theme[] = ['light', 'dark'];
const UPDATE_COMMAND = 'npm run test:visual:update';

document.documentElement.lang = 'en';
const examples = await galleryExamples();
const { update } = await executeServerCommand<{ update: boolean }, undefined>('rk-visual-mode');
/**
 * Baselines are pictures of one browser build (baselines/renderer.txt): another build draws the same
 * chart with other antialiasing. There the pictures are not compared (the geometry checks of
 * geometry.test.ts, which hold on any build, still run) and the run says so once.
 */
const renderer = await executeServerCommand<{ recorded: string | null; current: string }, undefined>('rk-visual-renderer');
const otherRenderer = !update && renderer.recorded !== null && renderer.recorded !== renderer.current;
if (otherRenderer) console.warn(`pixel baselines are of ${renderer.recorded}; this is ${renderer.current}: pictures not compared (run ${'npm run test:visual:update'} on this build to compare here)`);

/** The first gallery example of each drawn element: one picture per element is enough to see a change. */
function oneExamplePerElement(all: readonly GalleryExample[]): GalleryExample[] {
  const chosen = new Map<string, GalleryExample>();
  for (const example of all) {
    for (const tag of example.tags) if (tag !== 'retention-source' && !chosen.has(tag)) chosen.set(tag, example);
  }
  return [...new Set(chosen.values())];
}

async function screenshot(box: Element): Promise<string> {
  const rect = box.getBoundingClientRect();
  const x = Math.floor(rect.left + scrollX);
  const y = Math.floor(rect.top + scrollY);
  const clip = { x, y, width: Math.ceil(rect.right + scrollX) - x, height: Math.ceil(rect.bottom + scrollY) - y };
  const { png } = await executeServerCommand<{ png: string }, unknown>('rk-visual-screenshot', { clip });
  return png;
}

const write = (name: string, png: string, kind: 'baseline' | 'failed') =>
  executeServerCommand<{ file: string }, unknown>('rk-visual-write', { name, png, kind }).then((answer) => answer.file);

describe('pixel baselines of every element', () => {
  before(async () => {
    await prepareStagePage();
    await emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
  });

  for (const example of oneExamplePerElement(examples)) {
    describe(`${example.id} (${example.tags.join(', ')})`, () => {
      let stage: Stage;

      before(async function () {
        this.timeout(30_000);
        stage = new Stage(example, { font: FIXED_FONT });
        await stage.mount(25_000);
      });

      after(() => stage.remove());

      for (const width of WIDTHS) {
        for (const theme of THEMES) {
          it(`${width} px, ${theme}`, async () => {
            await stage.show('plain', width, theme);
            const name = `${example.id}-${width}-${theme}`;
            if (otherRenderer) return;
            const png = await screenshot(stage.box);
            if (update) {
              await write(name, png, 'baseline');
              return;
            }
            const baseline = await executeServerCommand<{ png: string | null; file: string }, unknown>('rk-visual-baseline', { name });
            if (!baseline.png) {
              const file = await write(name, png, 'baseline');
              throw new Error(`baseline missing, run ${UPDATE_COMMAND}: ${name} had no baseline; this run's picture was written to ${file} (look at it before committing it)`);
            }
            const result = compareImages(await decodePng(png), await decodePng(baseline.png));
            if (result.same) return;
            const actual = await write(`pixels-${name}-actual`, png, 'failed');
            const diff = result.diff ? await write(`pixels-${name}-diff`, await encodePng(result.diff), 'failed') : undefined;
            throw new Error(
              `${name}: ${result.reason} from ${baseline.file}; see ${actual}${diff ? ` and ${diff}` : ''}. ` +
                `If the change is intended, run ${UPDATE_COMMAND} and commit the new baselines.`,
            );
          });
        }
      }
    });
  }
});
