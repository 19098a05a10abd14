'use strict';
// The browser for the browser suite and `npm run screenshots`: Debian's Chromium, driven by
// puppeteer-core (which downloads no browser of its own). `node scripts/browser/chromium.js`
// installs it when missing (apt-get, as root) and prints its path.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');

const { which, aptInstall, say } = require('../steps.js');

/** The Chromium to drive: $CHROMIUM_PATH, Debian's /usr/bin/chromium, or one on PATH. */
function findChromium() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', which('chromium'), which('chromium-browser'), which('google-chrome')];
	for (const candidate of candidates) {
		if (!candidate || !fs.existsSync(candidate)) continue;
		try {
			execFileSync(candidate, ['--version'], { stdio: 'ignore', timeout: 30_000 });
			return candidate;
		} catch {
			// present but does not run
		}
	}
	return undefined;
}

/**
 * Flags Chromium needs here: no sandbox (root in a container), and none of its own traffic to
 * Google's hosts, which this closed network refuses. Even with background networking off, it
 * asks for the network time, component updates and account endpoints: the time query is a
 * feature to switch off, the other two are pointed at a closed port on this machine. With these,
 * every request for a host outside this machine comes from the page (the browser suite records
 * them through a proxy).
 */
const CHROMIUM_ARGS = [
	'--headless=new',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-default-apps',
	'--disable-extensions',
	'--disable-features=NetworkTimeServiceQuerying,OptimizationHints,OptimizationGuideModelDownloading,AutofillServerCommunication,MediaRouter,CertificateTransparencyComponentUpdater,Translate',
	'--component-updater=url-source=http://127.0.0.1:9/',
	'--gaia-url=http://127.0.0.1:9/',
	'--lang=en-US',
];

/** Whether a Japanese font is installed: without one, Chromium draws 受注 as empty boxes. */
function hasJapaneseFont() {
	if (which('fc-list')) {
		try {
			return execFileSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8', timeout: 30_000 }).trim() !== '';
		} catch {
			return false;
		}
	}
	return fs.existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');
}

/** The Debian packages the browser suite still needs: Chromium, and a Japanese font for screenshots. */
function missingBrowserPackages() {
	return [...(findChromium() ? [] : ['chromium']), ...(hasJapaneseFont() ? [] : ['fonts-noto-cjk'])];
}

async function installChromium() {
	const missing = missingBrowserPackages();
	if (missing.length) await aptInstall(missing, `${missing.join(' and ')} missing (the browser suite drives Chromium and shows Japanese text)`);
	const found = findChromium();
	if (!found) throw new Error('apt-get installed chromium, but no runnable chromium was found');
	return found;
}

module.exports = { findChromium, missingBrowserPackages, installChromium, CHROMIUM_ARGS };

if (require.main === module) {
	const existing = missingBrowserPackages().length === 0 && findChromium();
	if (existing) say(existing);
	else
		installChromium().then(
			(found) => say(found),
			(error) => {
				say(error.message);
				process.exit(1);
			},
		);
}
