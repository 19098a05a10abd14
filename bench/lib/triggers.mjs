// Scenarios 4 and 5: every polling trigger published at once in n8n on a 1-minute poll
// (`everyMinute`, n8n's own schedule; not shortened), then
//   4. the requests of an idle poll (nothing changed since the poll before), per trigger;
//   5. latency: a record changed in the simulator just after an idle poll, until n8n started the
//      execution with the emitted item. Changing right after a poll is the worst case.
import { round, target } from './measure.mjs';

const POLL = { pollTimes: { item: [{ mode: 'everyMinute' }] } };
/** Requests of one poll come together; a pause this long separates two polls. */
const POLL_GAP_MS = 10_000;
const YAPPLI_MEMBERS = 1000;

/** Groups a trigger's requests (sorted by time) into polls. */
function polls(requests) {
	const out = [];
	for (const r of [...requests].sort((a, b) => a.at - b.at)) {
		const last = out[out.length - 1];
		if (last && r.at - last[last.length - 1].at < POLL_GAP_MS) last.push(r);
		else out.push([r]);
	}
	return out;
}

const triggerWorkflow = (name, node) => ({
	name: `bench trigger ${name}`,
	nodes: [{ id: 'trigger', name: 'Trigger', position: [0, 0], typeVersion: 1, ...node }],
	connections: {},
	settings: { executionOrder: 'v1' },
});

export async function triggers(ctx) {
	const { MazricaSimulator } = ctx;
	const { YappliSimulator } = ctx.compiled('simulators/yappli/yappli-simulator.js');
	const { RodemSimulator } = ctx.compiled('simulators/rodem/rodem-simulator.js');
	const { TRIGGER_SOURCES } = ctx.compiledPackage('nodes/Mazrica/trigger/sources.js');
	const now = new Date();
	const mazrica = new MazricaSimulator({ apiKeys: TRIGGER_SOURCES.map(() => ({})) });
	const yappli = new YappliSimulator({ seed: { members: YAPPLI_MEMBERS } });
	const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
	const rodem = new RodemSimulator({ seed: { startDate: monthStart, months: 2, until: now.getTime() } });
	await Promise.all([mazrica.start(), yappli.start(), rodem.start()]);
	const published = [];
	try {
		const customObjectKey = [...mazrica.store.customObjectDefs.keys()][0];
		const credentials = [
			...TRIGGER_SOURCES.map((source, i) => ({ id: `benchMazTrig${String(i).padStart(3, '0')}`, type: 'mazricaApi', name: `bench Mazrica trigger ${source.value}`, data: { apiKey: mazrica.apiKeys[i], baseUrl: mazrica.baseUrl } })),
			{ id: 'benchYappliTrig1', type: 'yappliCrmApi', name: 'bench Yappli trigger', data: { appUrl: yappli.appUrl, clientId: yappli.clientId, clientSecret: yappli.clientSecret, userAgent: 'n8n-nodes-japan-saas bench' } },
			{ id: 'benchRodemTrig01', type: 'rodemOAuth2Api', name: 'bench RODEM trigger', data: { baseUrl: rodem.baseUrl, clientId: rodem.clientId, clientSecret: rodem.clientSecret, oauthTokenData: { ...rodem.issueTokens() } } },
		];
		// Imported with n8n's CLI: it keeps RODEM's OAuth token data as the editor's "Connect" would.
		await ctx.n8n.server.importCredentials(credentials);
		const cred = (i) => ({ id: credentials[i].id, name: credentials[i].name });
		const watched = [
			...TRIGGER_SOURCES.map((source, i) => ({
				label: `Mazrica Trigger, ${source.name}`,
				sim: mazrica,
				mine: (r) => r.headers['x-api-key'] === mazrica.apiKeys[i],
				node: {
					type: 'n8n-nodes-japan-saas.mazricaTrigger',
					parameters: { ...POLL, source: source.value, ...(source.value === 'customObject' ? { custom_object_def_key: customObjectKey } : {}), options: {} },
					credentials: { mazricaApi: cred(i) },
				},
				target: 1,
				change: source.value === 'deal' ? () => mazrica.touch('deal', [...mazrica.store.deals.keys()][0], {}) : undefined,
			})),
			{
				label: `Yappli CRM Trigger (${YAPPLI_MEMBERS.toLocaleString('en')} members)`,
				sim: yappli,
				mine: () => true,
				node: { type: 'n8n-nodes-japan-saas.yappliCrmTrigger', parameters: { ...POLL, events: 'all', options: {} }, credentials: { yappliCrmApi: cred(TRIGGER_SOURCES.length) } },
				perThousand: YAPPLI_MEMBERS / 1000,
				change: () => yappli.touchMember([...yappli.store.members.keys()][0], {}),
			},
			{
				label: 'RODEM Trigger',
				sim: rodem,
				mine: () => true,
				node: { type: 'n8n-nodes-japan-saas.rodemTrigger', parameters: { ...POLL, lookBackDays: 45, lookAheadDays: 7, events: 'all', options: {} }, credentials: { rodemOAuth2Api: cred(TRIGGER_SOURCES.length + 1) } },
				target: 1,
				change: () => {
					const recent = [...rodem.expenses.values()].sort((a, b) => b.useDate.localeCompare(a.useDate))[0];
					return rodem.editExpense(recent.id, { price: recent.price + 1 });
				},
			},
		];
		for (const w of watched) {
			w.workflowId = await ctx.n8n.publish(triggerWorkflow(w.label, w.node));
			published.push(w.workflowId);
		}
		ctx.log(`  ${watched.length} triggers published on a 1-minute poll; waiting for an idle poll of each (up to 3 minutes)`);
		const pollsOf = (w) => polls(w.sim.requests.filter(w.mine));
		// Idle = the second poll: the first (at publication) only sets the trigger's starting point.
		const settled = (w) => pollsOf(w).length >= 2 && Date.now() - pollsOf(w)[1].at(-1).at > POLL_GAP_MS;
		await waitFor(() => watched.every(settled), 200_000);
		for (const w of watched.filter((w) => w.change)) {
			w.changedAt = Date.now();
			w.change();
		}
		ctx.log('  changed a deal, a Yappli member and a RODEM expense; waiting for the executions (up to 2 minutes)');
		const emittedAt = async (w) => {
			const runs = await ctx.n8n.executions(w.workflowId);
			const after = runs.map((e) => Date.parse(e.startedAt)).filter((t) => t >= w.changedAt);
			return after.length ? Math.min(...after) : undefined;
		};
		const changed = watched.filter((w) => w.change);
		const started = Date.now();
		while (Date.now() - started < 130_000) {
			for (const w of changed) w.emittedAt ??= await emittedAt(w);
			if (changed.every((w) => w.emittedAt)) break;
			await new Promise((r) => setTimeout(r, 1000));
		}
		const variants = watched.map((w) => {
			const [first, idle] = pollsOf(w);
			const idleRequests = idle ? idle.length : undefined;
			return {
				label: w.label,
				succeeded: idle !== undefined,
				firstPollRequests: first?.length ?? 0,
				idlePollRequests: idleRequests,
				idlePollRequestsPer1000Members: w.perThousand && idleRequests !== undefined ? round(idleRequests / w.perThousand, 1) : undefined,
				idlePollPaths: idle ? [...new Set(idle.map((r) => `${r.method} ${r.path}`))] : [],
				latencySeconds: w.change ? (w.emittedAt ? round((w.emittedAt - w.changedAt) / 1000, 1) : null) : undefined,
				target: w.target,
			};
		});
		return { variants, targets: [] };
	} finally {
		for (const id of published) await ctx.n8n.unpublish(id).catch(() => undefined);
		await Promise.all([mazrica.stop(), yappli.stop(), rodem.stop()]);
	}
}

/** Scenario 4's and 5's targets from the shared run. */
export function idleTargets(variants) {
	return variants
		.filter((v) => v.target !== undefined)
		.map((v) => target(`${v.label}: ${v.target} request per idle poll`, v.idlePollRequests === v.target, `${v.idlePollRequests ?? 'no idle poll seen'} (${v.idlePollPaths.join(', ')})`));
}

export function latencyTargets(variants) {
	return variants
		.filter((v) => v.latencySeconds !== undefined)
		.map((v) => target(`${v.label}: change → execution ≤ one interval (60 s)`, v.latencySeconds !== null && v.latencySeconds <= 60, v.latencySeconds === null ? 'no execution within 130 s' : `${v.latencySeconds} s`));
}


async function waitFor(condition, ms) {
	const started = Date.now();
	while (!condition()) {
		if (Date.now() - started > ms) return;
		await new Promise((r) => setTimeout(r, 1000));
	}
}
