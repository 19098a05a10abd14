// bench/results/<date>.json → bench/RESULTS.md (regenerated whole) and one SVG chart per scenario.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { requestsPerSecondSvg } from './chart.mjs';

const cell = (value) => (value === undefined || value === null ? '–' : String(value).replace(/\|/g, '\\|'));

/** The results of the same day already in `outDir`, if any. */
export function readEarlier(outDir, measuredAt) {
	const file = join(outDir, 'results', `${measuredAt.slice(0, 10)}.json`);
	return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/** Writes the JSON, the charts and RESULTS.md under `outDir` (bench/ for a real run). */
export function writeReport(outDir, results) {
	const date = results.measuredAt.slice(0, 10);
	const resultsDir = join(outDir, 'results');
	mkdirSync(resultsDir, { recursive: true });
	writeFileSync(join(resultsDir, `${date}.json`), `${JSON.stringify(results, null, '\t')}\n`);
	const lines = [
		'# Benchmark results',
		'',
		`Produced by \`npm run bench\` on ${results.measuredAt} (${results.smoke ? 'smoke variant' : 'full run'}); raw figures, per-second series included, in [results/${date}.json](results/${date}.json).`,
		'',
		`Every scenario ran in one real n8n ${results.n8n} (the one \`npm start\` runs, SQLite, this package installed from its npm tarball), started by a production webhook, against the local simulators (\`test/simulators/\`), next to what an experienced n8n user builds with n8n's HTTP Request node. ` +
			`The machine: ${results.machine.cpus} cores shared with other work; load average (1, 5, 15 min) ${results.machine.loadAverageAtStart.join(', ')} at the start, ${results.machine.loadAverageAtEnd.join(', ')} at the end${(results.machine.earlierRuns ?? []).map((r) => `; earlier run of ${r.measuredAt}: ${r.loadAverageAtStart.join(', ')} → ${r.loadAverageAtEnd.join(', ')}`).join('')}. Wall times on a loaded machine vary from run to run; request counts and 429s do not.`,
		'',
		...(results.interrupted ? [`**This run was ${results.interrupted}**: the scenario running then has no figures.`, ''] : []),
		'Targets are from issue 14; a missed target is shown as missed.',
		'',
	];
	for (const scenario of results.scenarios) {
		lines.push(`## ${scenario.id}. ${scenario.title}`, '');
		if (scenario.failed) {
			lines.push(`**Failed**: ${scenario.failed}`, '');
			continue;
		}
		if (scenario.skipped) {
			lines.push(`Not run: ${scenario.skipped}`, '');
			continue;
		}
		if (scenario.table) {
			lines.push(`| ${scenario.table.columns.join(' | ')} |`, `|${scenario.table.columns.map(() => '---').join('|')}|`);
			for (const row of scenario.table.rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
		} else lines.push('| variant | succeeded | items | requests | 429s / 503s | wall s (first to last request) | n8n CPU s | CPU ms / item | peak RSS MB |', '|---|---|---|---|---|---|---|---|---|');
		for (const v of scenario.table ? [] : scenario.variants) {
			const distinct = v.distinctItems === undefined ? '' : ` (${v.distinctItems} distinct)`;
			// cyzen refuses with 503 where the others answer 429.
			const refused = v.rejected503 ? `${v.rejected429} / ${v.rejected503}` : `${v.rejected429}`;
			const wall = v.requestSeconds === undefined ? `${v.wallSeconds}` : `${v.wallSeconds} (${v.requestSeconds})`;
			lines.push(
				`| ${cell(v.label)} | ${v.succeeded ? 'yes' : `**no**: ${cell(v.error)}`} | ${v.items}${distinct} / ${v.itemsExpected ?? '–'} | ${v.requests} | ${refused} | ${wall} | ${v.cpuSeconds} | ${cell(v.cpuMsPerItem)} | ${v.peakRssMb} |`,
			);
		}
		lines.push('');
		if (scenario.fromRunAt) lines.push(`From the run of ${scenario.fromRunAt} (not rerun with \`--only\` since).`, '');
		if (scenario.loadAverageAtStart) lines.push(`Started ${scenario.measuredAt}; load average ${scenario.loadAverageAtStart.join(', ')} at its start, ${scenario.loadAverageAtEnd?.join(', ') ?? '?'} at its end.`, '');
		for (const t of scenario.targets) lines.push(`- ${t.met ? '✅ met' : '❌ **missed**'}: ${t.name}: ${t.measured}`);
		lines.push('');
		for (const note of scenario.notes ?? []) lines.push(note, '');
		if (scenario.variants.some((v) => v.perSecond?.length)) {
			const file = `${date}-scenario-${scenario.id}.svg`;
			const svg = requestsPerSecondSvg({
				title: `${scenario.id}. ${scenario.title}: requests per second at the simulator`,
				series: scenario.variants.filter((v) => v.perSecond?.length).map((v) => ({ label: v.label, perSecond: v.perSecond })),
				limit: scenario.limit,
			});
			writeFileSync(join(resultsDir, file), svg);
			lines.push(`![Requests per second, scenario ${scenario.id}](results/${file})`, '');
		}
	}
	writeFileSync(join(outDir, 'RESULTS.md'), lines.join('\n'));
	return { json: join(resultsDir, `${date}.json`), markdown: join(outDir, 'RESULTS.md') };
}
