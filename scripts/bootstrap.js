'use strict';
// First step of `npm start` and `npm test`: brings a fresh (or outdated) clone to a working state.
//  1. checks the prerequisites of the steps still to do, and says plainly what is missing (as root
//     with apt-get it installs them itself),
//  2. installs the project's dependencies from package-lock.json when node_modules is missing or
//     does not match the lockfile (`npm ci --ignore-scripts`: isolated-vm, pulled in by
//     n8n-workflow, cannot build on Node 20 and nothing here needs it),
//  3. provisions Node 24 and n8n into .tools/ (first run only),
//  4. with --browser (npm test): makes sure Chromium is there for the browser suite.
// Steps 2 to 4 run side by side.
// Plain Node with built-ins only: it runs before node_modules exists.
const fs = require('node:fs');
const path = require('node:path');

const { root, say, elapsed, runStep, which, aptInstall } = require('./steps.js');

const MIN_NODE_MAJOR = 20;
/** n8n 2.40.7 with its dependencies, Node 24 and the sqlite3 build, with some room to spare. */
const PROVISION_FREE_BYTES = 4 * 1024 ** 3;

/**
 * Why node_modules does not match package-lock.json, or undefined when it does. npm records what
 * it installed in node_modules/.package-lock.json; every package of the lockfile must be there in
 * the same version (optional ones may be absent: they are for other platforms).
 */
function dependenciesOutOfDate(dir = root) {
	const lockFile = path.join(dir, 'package-lock.json');
	const installedFile = path.join(dir, 'node_modules', '.package-lock.json');
	if (!fs.existsSync(path.join(dir, 'node_modules'))) return 'node_modules is missing';
	if (!fs.existsSync(installedFile)) return 'node_modules was not installed by npm from the lockfile';
	const wanted = JSON.parse(fs.readFileSync(lockFile, 'utf8')).packages ?? {};
	const installed = JSON.parse(fs.readFileSync(installedFile, 'utf8')).packages ?? {};
	for (const [name, entry] of Object.entries(wanted)) {
		if (name === '') continue;
		const have = installed[name];
		if (!have) {
			if (entry.optional) continue;
			return `${name.replace(/^.*node_modules\//, '')} is not installed`;
		}
		if (entry.link ? have.resolved !== entry.resolved : have.version !== entry.version) {
			return `${name.replace(/^.*node_modules\//, '')} is ${have.version ?? have.resolved}, the lockfile wants ${entry.version ?? entry.resolved}`;
		}
	}
	for (const name of Object.keys(installed)) {
		if (!(name in wanted)) return `${name.replace(/^.*node_modules\//, '')} is installed but no longer in the lockfile`;
	}
	return undefined;
}

function freeBytes(dir) {
	try {
		const stats = fs.statfsSync(dir);
		return stats.bavail * stats.bsize;
	} catch {
		return Infinity; // cannot tell: let the install say so if space runs out
	}
}

/** Stops with a plain message when something cannot be installed from here. */
function fail(message) {
	say(`\n✗ ${message}\n`);
	process.exit(1);
}

async function bootstrap({ browser = false } = {}) {
	const started = Date.now();
	const { isProvisioned, provision } = require('./n8n/n8n.js');
	const outdated = dependenciesOutOfDate();
	const provisioning = !isProvisioned();

	// ---- 1. prerequisites ------------------------------------------------------------------
	const nodeMajor = Number(process.versions.node.split('.')[0]);
	if (nodeMajor < MIN_NODE_MAJOR) {
		fail(`Node ${process.versions.node} is too old: this project needs Node ${MIN_NODE_MAJOR} or later (n8n's own Node 24 is fetched from the npm registry).`);
	}
	if (!which('npm')) fail('npm is not on PATH: install Node.js with npm.');
	if (provisioning) {
		const free = freeBytes(root);
		if (free < PROVISION_FREE_BYTES) {
			fail(`Only ${(free / 1024 ** 3).toFixed(1)} GB free under ${root}: the first run puts n8n (about 3 GB) into .tools/; free at least 4 GB.`);
		}
		const missing = ['python3', 'make', 'g++'].filter((tool) => !which(tool));
		if (missing.length) {
			say(`Missing ${missing.join(', ')}: needed to build sqlite3 for n8n.`);
			await aptInstall(['python3', 'make', 'g++'], `${missing.join(', ')} missing (needed to build sqlite3 for n8n)`).catch((error) => fail(error.message));
		}
	}

	// ---- 2-4. dependencies, Node 24 and n8n, the browser: independent, so they run at once ------
	// (on a fresh clone this saves the few minutes npm ci and the Chromium install would otherwise
	// add to the n8n install and sqlite3 build, which take longest).
	const steps = [];
	if (outdated) {
		say(`Dependencies: ${outdated}.`);
		steps.push(
			runStep({
				title: "Installing the project's dependencies (npm ci --ignore-scripts)",
				command: 'npm',
				args: ['ci', '--ignore-scripts', '--no-audit', '--no-fund'],
				env: { ...process.env, npm_config_update_notifier: 'false' },
				log: 'npm-ci',
			}),
		);
	}
	if (provisioning) steps.push(provision());
	if (browser) {
		const { missingBrowserPackages, installChromium } = require('./browser/chromium.js');
		if (missingBrowserPackages().length) {
			steps.push(
				installChromium().catch((error) => {
					say(`! The browser suite will be skipped: ${error.message}`);
				}),
			);
		}
	}
	const failures = (await Promise.allSettled(steps)).filter((result) => result.status === 'rejected');
	if (failures.length) fail(failures.map((failure) => failure.reason?.message ?? String(failure.reason)).join('\n  '));

	if (outdated || provisioning) say(`Setup finished in ${elapsed(Date.now() - started)}.\n`);
}

module.exports = { bootstrap, dependenciesOutOfDate };

if (require.main === module) {
	bootstrap({ browser: process.argv.includes('--browser') }).catch((error) => fail(error.stack ?? String(error)));
}
