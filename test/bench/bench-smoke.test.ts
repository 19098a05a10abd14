import { childProcess, fs, nodeExecPath, os, path, projectRoot } from '../platform/node';

/**
 * The smoke variant of `npm run bench` (bench/bench.mjs --smoke): the whole runner, in a real n8n
 * 2.40.7 with this package installed from its tarball, on one tiny scenario (a Return All of 250
 * Mazrica customers, ours and the HTTP Request node), written to a temporary folder. It checks
 * that the runner still produces what RESULTS.md is made of; its timings are not asserted on. The
 * time limit is generous: on a loaded 2-core machine starting n8n alone takes minutes.
 */
interface Variant {
	label: string;
	succeeded: boolean;
	items: number;
	requests: number;
	rejected429: number;
	perSecond: Array<{ second: number; accepted: number; rejected429: number }>;
}
interface Results {
	smoke: boolean;
	machine: { loadAverageAtStart: number[]; loadAverageAtEnd: number[] };
	scenarios: Array<{ id: string; variants: Variant[]; targets: Array<{ name: string; met: boolean }> }>;
}

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-smoke-'));
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

test('bench --smoke runs a scenario in n8n and writes the JSON, the chart and RESULTS.md', async () => {
	await new Promise<void>((resolve, reject) =>
		childProcess.execFile(
			nodeExecPath,
			['bench/bench.mjs', '--smoke', '--prebuilt', `--out=${out}`],
			{ cwd: projectRoot, maxBuffer: 1 << 24 },
			(error, _stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr.slice(-3000)}`)) : resolve()),
		),
	);
	const [jsonFile] = fs.readdirSync(path.join(out, 'results')).filter((f) => f.endsWith('.json'));
	const results = JSON.parse(fs.readFileSync(path.join(out, 'results', jsonFile), 'utf8')) as Results;
	expect(results.smoke).toBe(true);
	expect(results.machine.loadAverageAtStart).toHaveLength(3);
	const [scenario] = results.scenarios;
	expect(scenario.id).toBe('S');
	const [ours, http] = scenario.variants;
	// 250 customers are 3 pages of 100: both well within the burst.
	expect(ours).toMatchObject({ succeeded: true, items: 250, requests: 3, rejected429: 0 });
	expect(http).toMatchObject({ succeeded: true, items: 250, rejected429: 0 });
	expect(http.label).toContain('HTTP Request');
	expect(ours.perSecond.reduce((sum, s) => sum + s.accepted, 0)).toBe(3);
	expect(scenario.targets.map((t) => t.name)).toEqual(expect.arrayContaining(['all items', '0 × 429']));

	const markdown = fs.readFileSync(path.join(out, 'RESULTS.md'), 'utf8');
	const chart = /!\[[^\]]*\]\((results\/[^)]+\.svg)\)/.exec(markdown)?.[1];
	expect(chart).toBeDefined();
	const svg = fs.readFileSync(path.join(out, chart as string), 'utf8');
	expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
	expect(svg.match(/<polyline /g)).toHaveLength(2);
	expect(markdown).toContain('| ours: Customer → Get Many, Return All | yes | 250 / 250 | 3 | 0 |');
}, 300_000);
