// Running one variant of a scenario and reading what the simulator saw of it.
import { perSecond } from './chart.mjs';

/**
 * Runs the published webhook `path` on `n8n` and summarises it with the simulator's log of the
 * requests sent with `apiKey` (each variant has a key of its own, so buckets and logs are apart;
 * `sentBy` picks a variant's requests where the key is not an X-API-KEY header). The workflow's
 * last node counts the items of `countField` (Summarize: `count_<field>`, and with `unique`
 * also `unique_count_<field>`, reported as `distinctItems`).
 */
export async function runVariant({ n8n, sim, apiKey, sentBy = (r) => r.headers['x-api-key'] === apiKey, path, body, label, items, countField = 'id' }) {
	const run = await n8n.run(path, body);
	const requests = sim.requests.filter((r) => sentBy(r) && r.at >= run.startedAt - 50);
	const counted = `count_${countField}`;
	const ok = run.status === 200 && typeof run.answer === 'object' && run.answer !== null && counted in run.answer;
	const produced = ok ? run.answer[counted] : 0;
	const distinct = ok ? run.answer[`unique_count_${countField}`] : undefined;
	return {
		label,
		succeeded: ok,
		error: ok ? undefined : `HTTP ${run.status}: ${typeof run.answer === 'string' ? run.answer.slice(0, 200) : JSON.stringify(run.answer).slice(0, 200)}`,
		items: produced,
		...(distinct !== undefined ? { distinctItems: distinct } : {}),
		itemsExpected: items,
		requests: requests.length,
		rejected429: requests.filter((r) => r.status === 429).length,
		rejected503: requests.filter((r) => r.status === 503).length,
		wallSeconds: round(run.wallSeconds, 1),
		requestSeconds: round(requestSpanMs(requests) / 1000, 1),
		nonRequestSeconds: round(run.wallSeconds - requestSpanMs(requests) / 1000, 1),
		cpuSeconds: round(run.cpuMs / 1000, 2),
		cpuMsPerItem: items ? round(run.cpuMs / items, 3) : undefined,
		peakRssMb: run.peakRssMb,
		perSecond: perSecond(requests, run.startedAt, run.endedAt),
	};
}

/**
 * From the first request's arrival to the last's: what a vendor's ideal counts. The rest of the
 * wall time is n8n's (starting the execution, the nodes after, saving the execution).
 */
function requestSpanMs(requests) {
	if (requests.length === 0) return 0;
	const times = requests.map((r) => r.at);
	return Math.max(...times) - Math.min(...times);
}

export const round = (value, digits) => Math.round(value * 10 ** digits) / 10 ** digits;

/** A target's outcome: `met` is a boolean, never left out. */
export const target = (name, met, measured) => ({ name, met: Boolean(met), measured });
