/**
 * Geometry checks of every gallery example (so every element of the kit, on
 * the gallery's sample data and attributes) at a small phone, a phone, a
 * tablet and a desktop width, light and dark, on a plain page and in the
 * gallery's own styles: nothing non-finite, no label on another, no label cut
 * off, no empty box, readable contrast (layout-audit.ts). These hold on any
 * machine, unlike pixels; a failure names the element, the case and the
 * labels, and leaves a screenshot of the case under tests/visual/failed/.
 */
import { expect } from '@open-wc/testing';
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import { definedModules } from '../../demo/lib/elements.ts';
import { galleryExamples } from './gallery-examples.ts';
import { auditElement } from './layout-audit.ts';
import { Stage, prepareStagePage, type Surroundings, type Theme } from './stage.ts';

const WIDTHS = [320, 390, 768, 1280];
const THEMES: Theme[] = ['light', 'dark'];
const SURROUNDINGS: Surroundings[] = ['plain', 'gallery'];

document.documentElement.lang = 'en';
const examples = await galleryExamples();

async function screenshotOf(stage: Stage, name: string): Promise<string | undefined> {
  const box = stage.box.getBoundingClientRect();
  const clip = { x: box.x + scrollX, y: box.y + scrollY, width: Math.ceil(box.width), height: Math.ceil(box.height) };
  const { saved } = await executeServerCommand<{ saved?: string }, unknown>('rk-visual-screenshot', { clip, save: name });
  return saved;
}

describe('visual geometry of the gallery examples', () => {
  before(async () => {
    await prepareStagePage();
    await emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
  });

  it('finds every element of the kit in the gallery', () => {
    const tags = new Set(examples.flatMap((example) => example.tags));
    // Every element folder's define.ts registers one tag (named as its folder): the gallery must show each.
    const defined = definedModules.map((path) => path.split('/').at(-2));
    expect(defined.length).to.be.greaterThan(10);
    for (const tag of defined) if (tag !== 'platform') expect(tags.has(tag!), `the gallery has no example of <${tag}>`).to.equal(true);
  });

  for (const example of examples) {
    describe(`${example.id} (${example.tags.join(', ')})`, () => {
      let stage: Stage;

      before(async function () {
        this.timeout(30_000);
        stage = new Stage(example);
        await stage.mount(25_000);
      });

      after(() => stage.remove());

      for (const surroundings of SURROUNDINGS) {
        for (const width of WIDTHS) {
          for (const theme of THEMES) {
            it(`${surroundings} page, ${width} px, ${theme}`, async () => {
              await stage.show(surroundings, width, theme);
              const problems = stage.drawn.flatMap((el) => {
                const state = el.status === 'ready' ? [] : [`status ${el.status}: ${String((el.error as { message?: string })?.message ?? el.error)}`];
                return [...state, ...auditElement(el)].map((problem) => `<${el.localName}> ${problem}`);
              });
              if (problems.length === 0) return;
              const name = `geometry-${example.id}-${surroundings}-${width}-${theme}`;
              const shot = await screenshotOf(stage, name);
              throw new Error(`${example.id}, ${surroundings} page, ${width} px, ${theme} (screenshot ${shot}):\n  ${problems.join('\n  ')}`);
            });
          }
        }
      }
    });
  }
});
