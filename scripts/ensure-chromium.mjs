// Finds the Chromium the tests run in, installing Debian's package when we can.
// Tests must never download a browser of their own, so the only sources are an
// explicit CHROME_PATH, a system binary, or `apt-get install chromium` as root.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * Flags for headless Chromium on a machine with no network but package
 * registries: without the background-networking ones it keeps trying (and
 * failing) to reach Google's services. Shared by the tests, the benchmark and
 * the demo scripts.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Chromium 156 gives every new window (a browser context, a test page in its own window) a
  // renderer for its omnibox popup, a WebUI page that spends about a second of CPU in the two
  // seconds after the window opens: on two cores it runs beside the page measured or tested.
  // Headless pages never show an omnibox; all three features are needed to turn it off.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
];

export function findChromium() {
  return candidates.find((path) => path && existsSync(path));
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (findChromium()) process.exit(0);
  if (!isRoot()) {
    console.error(
      'Chromium is needed for the tests and was not found.\n' +
        'Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n' +
        'or point CHROME_PATH at a Chrome/Chromium binary.',
    );
    process.exit(1);
  }
  console.log('Chromium not found: installing Debian\'s chromium package…');
  execSync('apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium', { stdio: 'inherit' });
  if (!findChromium()) {
    console.error('apt-get finished but no Chromium binary was found.');
    process.exit(1);
  }
}
