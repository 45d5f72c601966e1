/*
 * Light or dark follows the page (issue #11): an element without `theme`
 * shows the page's `color-scheme` (light unless the page declares dark, the
 * system's setting when the page says `light dark`); `theme="auto"` follows the
 * system whatever the page says; `theme="light"` / `theme="dark"` force one.
 * The system's setting is emulated (prefers-color-scheme) in real Chromium and
 * the scheme is read from the colours the element actually paints.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import { emulateMedia } from '@web/test-runner-commands';
import '../../../src/components/retention-gauge/define.ts';
import type { RetentionGauge } from '../../../src/components/retention-gauge/retention-gauge.ts';
import { settled } from '../settled.ts';

/** The kit's default backgrounds (theme.styles.ts). */
const LIGHT_BACKGROUND = 'rgb(255, 255, 255)';
const DARK_BACKGROUND = 'rgb(17, 24, 39)';
/** The default text colours, as painted inside the shadow root (the title). */
const LIGHT_TEXT = 'rgb(17, 24, 39)';
const DARK_TEXT = 'rgb(243, 244, 246)';

type Scheme = 'light' | 'dark';

/** The scheme the element paints in: its background and its title's text must agree. */
function paintedScheme(el: HTMLElement): Scheme | 'mixed' {
  const background = getComputedStyle(el).backgroundColor;
  const title = el.shadowRoot!.querySelector('[part~="title"]')!;
  const text = getComputedStyle(title).color;
  if (background === LIGHT_BACKGROUND && text === LIGHT_TEXT) return 'light';
  if (background === DARK_BACKGROUND && text === DARK_TEXT) return 'dark';
  return 'mixed';
}

async function gauge(theme?: string): Promise<RetentionGauge> {
  const el = await fixture<RetentionGauge>(html`<retention-gauge theme=${theme ?? nothing} start="500" end="520" new="45"></retention-gauge>`);
  return settled(el);
}

const root = document.documentElement;

function pageScheme(value: string | null): void {
  if (value === null) root.style.removeProperty('color-scheme');
  else root.style.colorScheme = value;
}

describe('theme: the element follows the page', () => {
  afterEach(async () => {
    pageScheme(null);
    document.querySelectorAll('meta[name="color-scheme"]').forEach((meta) => meta.remove());
    await emulateMedia({ colorScheme: 'light' });
  });

  it('is light on a page that declares no color-scheme, even when the system is dark', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await gauge();
    expect(el.theme).to.equal(undefined);
    expect(el.hasAttribute('theme')).to.equal(false);
    expect(paintedScheme(el)).to.equal('light');
  });

  it('is dark on a page that declares color-scheme: dark, whatever the system says', async () => {
    pageScheme('dark');
    for (const system of ['light', 'dark'] as const) {
      await emulateMedia({ colorScheme: system });
      expect(paintedScheme(await gauge()), `system ${system}`).to.equal('dark');
    }
  });

  it('follows the system on a page that declares color-scheme: light dark', async () => {
    pageScheme('light dark');
    await emulateMedia({ colorScheme: 'dark' });
    const el = await gauge();
    expect(paintedScheme(el)).to.equal('dark');
    // A change of the system's setting repaints at once: the choice is CSS, no re-render.
    await emulateMedia({ colorScheme: 'light' });
    expect(paintedScheme(el)).to.equal('light');
  });

  it('follows a container that declares its own color-scheme (a dark sidebar on a light page)', async () => {
    await emulateMedia({ colorScheme: 'light' });
    const wrapper = await fixture<HTMLDivElement>(html`<div style="color-scheme: dark"><retention-gauge start="500" end="520" new="45"></retention-gauge></div>`);
    const el = await settled(wrapper.querySelector('retention-gauge')!);
    expect(paintedScheme(el)).to.equal('dark');
  });

  it('follows <meta name="color-scheme" content="dark"> as Chromium applies it to the page', async () => {
    const meta = Object.assign(document.createElement('meta'), { name: 'color-scheme', content: 'dark' });
    document.head.append(meta);
    await emulateMedia({ colorScheme: 'light' });
    const el = await gauge();
    // The meta sets the page's scheme; the page's own canvas and the element agree.
    expect(paintedScheme(el)).to.equal('dark');
    meta.content = 'light dark';
    await emulateMedia({ colorScheme: 'dark' });
    expect(paintedScheme(el)).to.equal('dark');
    await emulateMedia({ colorScheme: 'light' });
    expect(paintedScheme(el)).to.equal('light');
  });
});

describe('theme: the theme attribute', () => {
  afterEach(async () => {
    pageScheme(null);
    await emulateMedia({ colorScheme: 'light' });
  });

  it('theme="auto" follows the system, whatever the page declares', async () => {
    for (const page of [null, 'light', 'dark']) {
      pageScheme(page);
      await emulateMedia({ colorScheme: 'dark' });
      const el = await gauge('auto');
      expect(paintedScheme(el), `page ${page}, system dark`).to.equal('dark');
      await emulateMedia({ colorScheme: 'light' });
      expect(paintedScheme(el), `page ${page}, system light`).to.equal('light');
    }
  });

  it('theme="light" and theme="dark" force their scheme on any page and system', async () => {
    for (const page of [null, 'light', 'dark', 'light dark']) {
      pageScheme(page);
      for (const system of ['light', 'dark'] as const) {
        await emulateMedia({ colorScheme: system });
        expect(paintedScheme(await gauge('light')), `light on page ${page}, system ${system}`).to.equal('light');
        expect(paintedScheme(await gauge('dark')), `dark on page ${page}, system ${system}`).to.equal('dark');
      }
    }
  });

  it('reflects the property to the attribute when set, and follows the page again when unset', async () => {
    pageScheme('dark');
    const el = await gauge('light');
    expect(paintedScheme(el)).to.equal('light');
    el.theme = undefined;
    await el.updateComplete;
    expect(el.hasAttribute('theme')).to.equal(false);
    expect(paintedScheme(el)).to.equal('dark');
    el.theme = 'auto';
    await el.updateComplete;
    expect(el.getAttribute('theme')).to.equal('auto');
  });

  it("keeps a page's own colours (--rk-color-*) in both schemes, light-dark() pairs included", async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="--rk-color-background: light-dark(rgb(1, 2, 3), rgb(4, 5, 6))">
        <retention-gauge theme="light" start="500" end="520" new="45"></retention-gauge>
        <retention-gauge theme="dark" start="500" end="520" new="45" style="--rk-color-text: rgb(7, 8, 9)"></retention-gauge>
      </div>`,
    );
    const [light, dark] = [...wrapper.querySelectorAll('retention-gauge')];
    await Promise.all([settled(light), settled(dark)]);
    expect(getComputedStyle(light).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(dark).backgroundColor).to.equal('rgb(4, 5, 6)');
    expect(getComputedStyle(dark.shadowRoot!.querySelector('[part~="title"]')!).color).to.equal('rgb(7, 8, 9)');
  });
});
