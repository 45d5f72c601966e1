/**
 * The README's install paths stay true to the package: its first paragraph names every
 * element, its CDN lines pin the package's own version and name files the build makes,
 * and the files it tells a self-hoster to upload are the ones the bundles load.
 */
import { expect } from '@open-wc/testing';
import { manifestTags, requireBuilt } from '../distribution/fixtures/orders.ts';

const text = async (path: string) => {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.text();
};

/** The README's text from a `## ` heading to the next. */
function section(readme: string, heading: string): string {
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README.md has no "## ${heading}" section`);
  const end = readme.indexOf('\n## ', start + 4);
  return readme.slice(start, end < 0 ? undefined : end);
}

const exists = async (path: string) => (await fetch(path, { method: 'HEAD' })).ok;

describe('README: install paths', () => {
  let readme: string;
  let install: string;
  let version: string;

  before(async () => {
    await requireBuilt('/dist/retention-kit.worker.js');
    readme = await text('/README.md');
    install = section(readme, 'Install');
    version = JSON.parse(await text('/package.json')).version;
  });

  it('names every element of the manifest in its first paragraph', async () => {
    const firstParagraph = readme.split('\n\n')[1];
    for (const tag of await manifestTags()) expect(firstParagraph, `<${tag}>`).to.include(`<${tag}>`);
  });

  it('pins the package version in every CDN line, on files the build makes', async () => {
    const urls = [...install.matchAll(/https:\/\/(?:cdn\.jsdelivr\.net\/npm|unpkg\.com)\/retention-kit[^\s"'`)]*/g)].map((match) => match[0]);
    expect(urls.length).to.be.at.least(4);
    for (const url of urls) {
      const match = /\/retention-kit@([^/]+)\/(dist\/.+)$/.exec(url);
      expect(match, `${url} names a pinned version and a dist/ file`).to.not.equal(null);
      expect(match![1], url).to.equal(version);
      expect(await exists(`/${match![2]}`), `${match![2]} is built`).to.equal(true);
    }
    // Both builds, and the classic one for CMS editors.
    expect(urls.some((url) => url.endsWith('/dist/retention-kit.js'))).to.equal(true);
    expect(urls.some((url) => url.endsWith('/dist/retention-kit.iife.js'))).to.equal(true);
  });

  it('lists for self-hosting every file the bundles load, and each exists', async () => {
    for (const file of ['retention-kit.iife.js', 'retention-kit.js', 'retention-kit.worker.js']) {
      expect(install, file).to.include(`\`${file}\``);
      expect(await exists(`/dist/${file}`), file).to.equal(true);
    }
    // What the engine file imports, beside itself, must be named as a folder to upload.
    const engine = await text('/dist/retention-kit.worker.js');
    const folders = new Set([...engine.matchAll(/["'`]\.\/([\w-]+(?:\/[\w-]+)*)\/[\w.-]+\.js["'`]/g)].map((match) => match[1]));
    for (const folder of folders) expect(install, `the engine loads ./${folder}/`).to.include(`\`${folder}/`);
  });
});
