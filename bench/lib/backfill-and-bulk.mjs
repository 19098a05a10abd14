// Scenario 7 of `npm run bench` (issue 14): (a) a 60-day cyzen report backfill, (b) a 25,000-row
// SATORI bulk upsert, each next to the closest an experienced user builds with the HTTP Request
// node. Each variant sends with a token (cyzen) or a company (SATORI) of its own.
import { runVariant, round, target } from './measure.mjs';
import {
	CYZEN_LIMIT,
	CYZEN_WINDOW_DAYS,
	SATORI_LIMIT,
	SATORI_INTERVALS_MS,
	cyzenBackfillHttpBatching,
	cyzenBackfillHttpLoop,
	cyzenBackfillOurs,
	satoriBulkUpsertOurs,
	satoriUpsertHttp,
} from './workflows.mjs';
import { describe } from './scenarios.mjs';

const DAY_MS = 24 * 3600 * 1000;
/** The task that asked for scenario 7 named its figures, not targets for them. */
const OWN_TARGETS = "This scenario's targets are the benchmark's own: the task for scenario 7 asked for its figures side by side with the HTTP Request node and named no targets.";
/** cyzen's timestamps: UTC without suffix. */
const cyzenMs = (text) => Date.parse(`${text}Z`);

/** Publishes `workflow`, runs it with `body` and logs the outcome. */
async function run(ctx, sim, { label, workflow, path, body, items, sentBy, countField }) {
	await ctx.n8n.publish(workflow);
	ctx.log(`  ${label} …`);
	const result = await runVariant({ n8n: ctx.n8n, sim, sentBy, path, body, label, items, countField });
	ctx.log(`  ${label}: ${describe(result)}, ${result.rejected503} × 503${result.distinctItems !== undefined ? `, ${result.distinctItems} distinct` : ''}`);
	return result;
}

/**
 * 7a: `reports` reports over `days` days; ours (credential at its default 4 req/s) and the HTTP
 * Request setup paced at `httpIntervalMs`, both asked for the `days` days up to the newest report.
 */
export async function cyzenBackfill(ctx, { reports, days, tag, ratePerSecond = 4, httpIntervalMs = 250 }) {
	const { CyzenSimulator } = ctx.compiled('simulators/cyzen/cyzen-simulator.js');
	const sim = new CyzenSimulator({ seed: { reports, reportDays: days }, switches: { throttleStatus: 503, rateLimit: CYZEN_LIMIT } });
	await sim.start();
	try {
		const stored = [...sim.store.reports.values()];
		const toMs = Math.max(...stored.map((r) => cyzenMs(r.updated_at)));
		const fromMs = toMs - days * DAY_MS;
		const expected = stored.filter((r) => cyzenMs(r.updated_at) >= fromMs).length;
		const body = { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() };
		const tokens = [sim.accessToken, sim.addToken(), sim.addToken()];
		const sentBy = (token) => (r) => String(r.headers.authorization ?? '').toLowerCase() === `bearer ${token}`;
		const path = (i) => `bench-${tag}-${i}-${ctx.runId}`;
		const header = (i) => ctx.n8n.credential('httpHeaderAuth', `cyzen header ${tag}-${i}`, { name: 'Authorization', value: `bearer ${tokens[i]}` });
		const reportsAt = { baseUrl: sim.baseUrl, companyId: sim.companyId, intervalMs: httpIntervalMs };
		const plan = [
			{ label: `ours: Report → Get Many, Return All, ${days}-day range (credential ${ratePerSecond} req/s)`, workflow: async (p) => cyzenBackfillOurs(p, await ctx.n8n.credential('cyzenApi', `cyzen ${tag}`, { accessToken: tokens[0], companyId: sim.companyId, baseUrl: sim.baseUrl, requestsPerSecond: ratePerSecond })) },
			{ label: `HTTP Request: Code node → ${CYZEN_WINDOW_DAYS}-day windows → Loop Over Items → cursor pagination, ${httpIntervalMs} ms interval`, workflow: async (p) => cyzenBackfillHttpLoop(p, await header(1), reportsAt) },
			{ label: `HTTP Request: Code node → ${CYZEN_WINDOW_DAYS}-day windows as items, Batching + cursor pagination, ${httpIntervalMs} ms interval`, workflow: async (p) => cyzenBackfillHttpBatching(p, await header(2), reportsAt) },
		];
		const variants = [];
		for (const [i, step] of plan.entries()) {
			variants.push(await run(ctx, sim, { label: step.label, workflow: await step.workflow(path(i)), path: path(i), body, items: expected, sentBy: sentBy(tokens[i]), countField: 'report_id' }));
		}
		const [node, http, batching] = variants;
		const windows = Math.ceil(days / CYZEN_WINDOW_DAYS);
		// The token's bucket: its burst at once, the rest at 5/s.
		const ideal = (requests) => round(Math.max(0, requests - CYZEN_LIMIT.burst) / CYZEN_LIMIT.ratePerSecond, 1);
		return {
			variants,
			limit: CYZEN_LIMIT.ratePerSecond,
			targets: [
				target(`every report of the ${days} days once`, node.items === expected && node.distinctItems === expected, `${node.items} items, ${node.distinctItems} distinct / ${expected}`),
				target('0 × 503', node.rejected503 === 0, `${node.rejected503}`),
				target('not slower than the HTTP Request setup', http.succeeded && node.wallSeconds <= http.wallSeconds, `${node.wallSeconds} s vs ${http.wallSeconds} s`),
			],
			notes: [
				OWN_TARGETS,
				`${reports.toLocaleString('en')} reports seeded over ${days} days (\`seed({ reports, reportDays })\`), ${expected.toLocaleString('en')} of them in the ${days} days up to the newest one, read in ${windows} windows of ≤ ${CYZEN_WINDOW_DAYS} days (cyzen's limit on \`updated_from\`/\`updated_to\`), pages of ≤ 200. The simulator enforces the token's 5 req/s, burst 5, and refuses with 503 as cyzen does; each variant has its own token. Ours uses the credential's default of ${ratePerSecond} req/s (its field allows up to 5): its floor is ${round(node.requests / ratePerSecond, 1)} s for its ${node.requests} requests; the token's own ideal is ${ideal(node.requests)} s.`,
				`n8n has no way to split a range into windows without code, so both HTTP Request setups start with a Code node making the 7-day windows (one item each); the HTTP Request node pages each window on the \`next_report_updated_at\` + \`next_report_id\` cursor, ${httpIntervalMs} ms between pages (${round(1000 / httpIntervalMs, 1)} req/s, like ours). The first sends the windows one at a time through Loop Over Items. The second is the setup without a loop, windows as items with Batching (1 item, ${httpIntervalMs} ms): n8n's HTTP Request node only delays the start of each item's request and awaits them together, so the ${windows} windows' paginations overlap: ${batching.requests} requests, ${batching.rejected503} × 503, ${batching.succeeded ? 'succeeded' : 'the first 503 failed the execution'}. Adjacent windows share their boundary second, so a report updated exactly then would come twice: the Count also counts distinct \`report_id\`s (${http.distinctItems ?? '–'} distinct of ${http.items} items through the loop); ours de-duplicates across windows.`,
			],
		};
	} finally {
		await sim.stop();
	}
}

/**
 * 7b: `rows` customer upserts by email; ours through the bulk CSV upload (10,000 rows per job,
 * Wait for Completion), the HTTP Request node one POST per row at SATORI's safe interval on
 * `httpRows` of them (extrapolated). A simulator per variant: SATORI's limiter is per company.
 */
export async function satoriBulkUpsert(ctx, { rows, httpRows, tag }) {
	const { SatoriSimulator } = ctx.compiled('simulators/satori/satori-simulator.js');
	const rowsOf = (prefix, n) => ({ rows: Array.from({ length: n }, (_, i) => ({ email: `${prefix}-${i}@example.jp`, route: 'bench' })) });
	const variants = [];
	let jobTimes;
	const plan = [
		{ label: 'ours: Customer (Bulk) → Upsert, Wait for Completion', n: rows, workflow: (p, sim, credential) => satoriBulkUpsertOurs(p, credential), countField: 'email' },
		...SATORI_INTERVALS_MS.map((intervalMs) => ({
			label: `HTTP Request, one customer/upsert.json per row, batching 1 item / ${intervalMs} ms`,
			n: httpRows,
			workflow: (p, sim) => satoriUpsertHttp(p, { baseUrl: sim.baseUrl, keys: sim.parametersOf(), intervalMs }),
			countField: 'status',
		})),
	];
	for (const [i, step] of plan.entries()) {
		const sim = new SatoriSimulator({ rateLimit: SATORI_LIMIT });
		jobTimes = sim.behaviour;
		await sim.start();
		try {
			const credential = await ctx.n8n.credential('satoriApi', `SATORI ${tag}-${i}`, { ...sim.keysOf(), baseUrl: sim.baseUrl });
			const path = `bench-${tag}-${i}-${ctx.runId}`;
			const prefix = `${tag}-${i}`;
			const result = await run(ctx, sim, { label: step.label, workflow: step.workflow(path, sim, credential), path, body: rowsOf(prefix, step.n), items: step.n, sentBy: () => true, countField: step.countField });
			result.writtenInSimulator = sim.customersOf().filter((c) => c.email?.startsWith(`${prefix}-`)).length;
			result.uploads = sim.received({ method: 'POST' }).filter((r) => r.path.includes('/bulk_customers/')).length;
			result.statusReads = sim.received({ method: 'GET' }).filter((r) => r.path.includes('/bulk_customers/status')).length;
			variants.push(result);
		} finally {
			await sim.stop();
		}
	}
	const [node, atLimit, http] = variants;
	const perRowSeconds = http.wallSeconds / Math.max(1, http.itemsExpected);
	const httpHours = round((perRowSeconds * rows) / 3600, 1);
	return {
		variants,
		limit: SATORI_LIMIT.ratePerSecond,
		targets: [
			target('every row written', node.writtenInSimulator === rows && node.items === rows, `${node.writtenInSimulator} in the simulator, ${node.items} items / ${rows}`),
			target(`${Math.ceil(rows / 10_000)} uploads`, node.uploads === Math.ceil(rows / 10_000), `${node.uploads} uploads, ${node.statusReads} status reads`),
			target('0 × 429', node.rejected429 === 0, `${node.rejected429}`),
		],
		notes: [
			OWN_TARGETS,
			`SATORI publishes no number; the node's profile paces at 1 request/s, one at a time ([proposed]), and the simulator enforces that per company (429), a simulator (and company) per variant. Bulk jobs in the simulator wait ${jobTimes.queueMs / 1000} s and process for ${jobTimes.processingMs / 1000} s whatever their size (its defaults); the node's first status read is 5 s after an upload (Poll Interval default), each later one 1.5 × longer.`,
			`Each per-row HTTP Request run sends ${httpRows} of the ${rows.toLocaleString('en')} rows (at 1/s all of them would take about ${round(rows / 3600, 1)} hours). At exactly 1 s: ${atLimit.rejected429} × 429, ${atLimit.succeeded ? 'succeeded' : 'the first 429 failed the execution'} (the node spaces the starts of its requests, not their arrivals). At ${SATORI_INTERVALS_MS[1]} ms: ${http.requests} requests, ${http.rejected429} × 429, ${round(perRowSeconds, 2)} s per row, so ${rows.toLocaleString('en')} rows take ${rows.toLocaleString('en')} requests and about ${httpHours} hours (extrapolated, not run). SATORI's four keys go as form fields in the node's body parameters: no built-in n8n credential puts them in a form body.`,
		],
	};
}
