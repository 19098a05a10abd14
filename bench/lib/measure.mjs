// Running one variant of a scenario and reading what the simulator saw of it.
import { perSecond } from './chart.mjs';

/**
 * Runs the published webhook `path` on `n8n` and summarises it with the simulator's log of the
 * requests sent with `apiKey` (each variant has a key of its own, so buckets and logs are apart).
 */
export async function runVariant({ n8n, sim, apiKey, path, body, label, items }) {
	const run = await n8n.run(path, body);
	const requests = sim.requests.filter((r) => r.headers['x-api-key'] === apiKey && r.at >= run.startedAt - 50);
	const ok = run.status === 200 && typeof run.answer === 'object' && run.answer !== null && 'count_id' in run.answer;
	const produced = ok ? run.answer.count_id : 0;
	return {
		label,
		succeeded: ok,
		error: ok ? undefined : `HTTP ${run.status}: ${typeof run.answer === 'string' ? run.answer.slice(0, 200) : JSON.stringify(run.answer).slice(0, 200)}`,
		items: produced,
		itemsExpected: items,
		requests: requests.length,
		rejected429: requests.filter((r) => r.status === 429).length,
		wallSeconds: round(run.wallSeconds, 1),
		cpuSeconds: round(run.cpuMs / 1000, 2),
		cpuMsPerItem: items ? round(run.cpuMs / items, 3) : undefined,
		peakRssMb: run.peakRssMb,
		perSecond: perSecond(requests, run.startedAt, run.endedAt),
	};
}

export const round = (value, digits) => Math.round(value * 10 ** digits) / 10 ** digits;

/** A target's outcome: `met` is a boolean, never left out. */
export const target = (name, met, measured) => ({ name, met: Boolean(met), measured });
