// The throttle settings bench/queue-load.mjs compares on the credential the load runs on (Mazrica
// or cyzen). `per-process` is the code from before issue 13's point 2 (each process paces the key
// on its own bucket, no adaptive control); `adaptive` and `processes-field` are the current code.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { builtRevision, builtWithoutAdaptiveControl } from './revision-build.mjs';

const require = createRequire(import.meta.url);

/** The credential field "n8n processes sharing this key" (credentials/*: processesSharingKeyProperty). */
export const PROCESSES_FIELD = 'processesSharingKey';

/**
 * Adaptive control has no off-switch: nodes cannot read the environment, and a switch in the
 * credential or node would be one more setting users could turn against themselves (and a hidden
 * one would still be reachable through n8n's API). "Today's behaviour" is therefore measured on the
 * package as it was before adaptive control and the processes field were added: main at the merge
 * of the queue-mode harness (h/queue), built from git and installed into every n8n process.
 */
export const BEFORE_ADAPTIVE_CONTROL = '998dc1e1e974a00d695598cb39ddc628f64f9e97';

/** What each setting asks of the credential and which build it runs. `processes` is filled in from the cluster size. */
export const SETTINGS = {
	'per-process': {
		description: "today's behaviour (before issue 13): each process paces the key on its own bucket, no adaptive control",
		revision: BEFORE_ADAPTIVE_CONTROL,
		adaptive: false,
		processesSharingKey: 1,
	},
	adaptive: {
		description: 'adaptive control only: the processes field left at 1',
		adaptive: true,
		processesSharingKey: 1,
	},
	'processes-field': {
		description: 'the processes field set to the number of processes that send with the key, adaptive control on',
		adaptive: true,
		processesSharingKey: 'processes',
	},
};

/**
 * cyzen came after that merge, so no earlier build has it: its `per-process` is emulated on this
 * checkout's committed code with adaptive control's cut set to none (a refusal leaves the share at
 * 1, see revision-build.mjs): each process keeps pacing the key at the full credential rate on its
 * own bucket, as before issue 13. What stays from the current code is that a refusal empties the
 * process's bucket (the requests queued behind it wait one refill) and the retry policy.
 */
const CYZEN_SETTINGS = {
	...SETTINGS,
	'per-process': {
		description:
			"today's behaviour emulated: each process paces the key on its own bucket at the full rate, a refusal cuts nothing",
		build: 'without-adaptive-control',
		adaptive: false,
		processesSharingKey: 1,
	},
};

/** The credential types the load test runs on: their class in dist/credentials and their settings. */
export const VENDORS = {
	mazrica: { credentialFile: 'MazricaApi', settings: SETTINGS },
	cyzen: { credentialFile: 'CyzenApi', settings: CYZEN_SETTINGS },
};

/** The credential's property names, as built in `packageRoot`/dist. */
function credentialFields(packageRoot, credentialFile) {
	const module = require(join(packageRoot, `dist/credentials/${credentialFile}.credentials.js`));
	return new module[credentialFile]().properties.map((p) => p.name);
}

/**
 * The credential data for setting `name` and the package checkout to install (this one, or an
 * earlier revision built for the setting; `revision` overrides it, e.g. to measure another commit).
 */
export function credentialDataFor(name, base, { root, processes, revision, log, vendor = 'mazrica' }) {
	const { credentialFile, settings } = VENDORS[vendor];
	const setting = settings[name];
	if (!setting) throw new Error(`unknown setting "${name}"; one of: ${Object.keys(settings).join(', ')}`);
	const build = revision ?? setting.revision;
	const packageRoot =
		setting.build === 'without-adaptive-control' && !revision
			? builtWithoutAdaptiveControl(root, log)
			: build
				? builtRevision(root, build, log)
				: root;
	const data = { ...base };
	const sharing = setting.processesSharingKey === 'processes' ? processes : setting.processesSharingKey;
	if (credentialFields(packageRoot, credentialFile).includes(PROCESSES_FIELD)) data[PROCESSES_FIELD] = sharing;
	else if (sharing !== 1) {
		throw new Error(`"${name}" needs the credential field ${PROCESSES_FIELD}, which the ${vendor} credential of that build does not have`);
	}
	const built =
		setting.build === 'without-adaptive-control' && !revision
			? `${execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root }).toString().trim()} with ADAPTIVE_CONTROL.decrease = 1`
			: undefined;
	return {
		data,
		packageRoot,
		setting: { ...setting, processesSharingKey: sharing, revision: built ?? build ?? 'this checkout' },
	};
}
