// The throttle settings bench/queue-load.mjs compares, each one parameter on the Mazrica
// credential the load runs on. Only `per-process` exists today; the other two become runnable
// when the throttle work lands (issue 13, point 2): fill in the two hooks below, nothing else.
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * HOOK 1: the credential field "n8n processes sharing this key". When MazricaApi has a property
 * of this name, `processes-field` sets it to the number of processes that send with the key.
 */
export const PROCESSES_FIELD = 'processesSharingKey';

/**
 * HOOK 2: the switch for adaptive (AIMD) control. Nodes cannot read the environment, so it has to
 * be something the credential (or node) carries. Replace `null` with a function that returns the
 * credential data with adaptive control on or off, e.g.
 *   (data, on) => ({ ...data, adaptiveThrottle: on })
 * Until then the `adaptive` setting refuses to run, and `per-process` measures the code as it is.
 */
export const ADAPTIVE_SWITCH = null;

/** What each setting asks of the credential. `processes` is filled in from the cluster size. */
export const SETTINGS = {
	'per-process': {
		description: "today's behaviour: each process paces the key on its own bucket",
		adaptive: false,
		processesSharingKey: 1,
	},
	adaptive: {
		description: 'adaptive control only: the processes field left at 1',
		adaptive: true,
		processesSharingKey: 1,
	},
	'processes-field': {
		description: 'the processes field set to the number of processes that send with the key',
		adaptive: true,
		processesSharingKey: 'processes',
	},
};

/** The Mazrica credential's property names, as built in dist/. */
function mazricaCredentialFields(root) {
	const { MazricaApi } = require(join(root, 'dist/credentials/MazricaApi.credentials.js'));
	return new MazricaApi().properties.map((p) => p.name);
}

/**
 * The credential data for `name`, or an error saying which hook is missing. A setting that equals
 * what the code does anyway (field 1, no adaptive switch to turn off) needs no hook.
 */
export function credentialDataFor(name, base, { root, processes }) {
	const setting = SETTINGS[name];
	if (!setting) throw new Error(`unknown setting "${name}"; one of: ${Object.keys(SETTINGS).join(', ')}`);
	let data = { ...base };
	const sharing = setting.processesSharingKey === 'processes' ? processes : setting.processesSharingKey;
	if (mazricaCredentialFields(root).includes(PROCESSES_FIELD)) data[PROCESSES_FIELD] = sharing;
	else if (sharing !== 1) {
		throw new Error(`"${name}" needs the credential field ${PROCESSES_FIELD}, which the Mazrica credential does not have yet`);
	}
	if (ADAPTIVE_SWITCH) data = ADAPTIVE_SWITCH(data, setting.adaptive);
	else if (setting.adaptive) {
		throw new Error(`"${name}" needs adaptive control and its switch (ADAPTIVE_SWITCH in bench/queue-settings.mjs), which do not exist yet`);
	}
	return { data, setting: { ...setting, processesSharingKey: sharing, adaptiveSwitch: Boolean(ADAPTIVE_SWITCH) } };
}
