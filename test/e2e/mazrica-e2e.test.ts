import type { N8nServer } from '../../scripts/n8n/n8n';
import { MazricaSimulator } from '../simulators/mazrica/mazrica-simulator';
import type { Simulator } from '../kit/simulator';
import { EXAMPLE_SINK, readExample, startN8n, waitFor, webhookSink } from './environment';

/**
 * The final judge: a real n8n 2.40.7 (Node 24, SQLite) with this package installed as a
 * community package from its npm tarball, running the examples against the Mazrica simulator.
 */
jest.setTimeout(600_000);

const mazrica = new MazricaSimulator();
const sink: Simulator = webhookSink();
let n8n: N8nServer;

const CREDENTIAL = { id: 'jpSaasMazrica01', name: 'Mazrica (local simulator)' };

beforeAll(async () => {
	await mazrica.start();
	await sink.start();
	n8n = await startN8n();
	await n8n.importCredentials([
		{
			...CREDENTIAL,
			type: 'mazricaApi',
			data: { apiKey: mazrica.apiKey, baseUrl: mazrica.baseUrl },
		},
	]);
	const replacements = { [EXAMPLE_SINK]: sink.url };
	await n8n.importWorkflows([
		readExample('mazrica-deals-won-notification.json', replacements),
		readExample('mazrica-contacts-changed-csv.json', replacements),
		readExample('mazrica-trigger-deal-changed.json', replacements),
	]);
});

afterAll(async () => {
	await n8n?.stop();
	await mazrica.stop();
	await sink.stop();
});

test('n8n lists our nodes under the community package prefix', async () => {
	const types = await n8n.rest<Array<{ name: string }>>('GET', '/types/nodes.json');
	const ours = types.map((t) => t.name).filter((name) => name.startsWith('n8n-nodes-japan-saas.'));
	expect(ours).toEqual(
		expect.arrayContaining(['n8n-nodes-japan-saas.mazrica', 'n8n-nodes-japan-saas.mazricaTrigger']),
	);
});

test('example: deals won since yesterday → one chat message per won deal', async () => {
	const type = [...mazrica.store.dealTypes.values()][0];
	const won = type.phases.find((phase) => phase.endType === 'won');
	const deals = [...mazrica.store.deals.values()]
		.filter((d) => d.dealTypeId === type.id)
		.slice(0, 3);
	mazrica.touch('deal', deals[0].id, { phaseId: won?.id });
	mazrica.touch('deal', deals[1].id, { phaseId: won?.id });
	mazrica.touch('deal', deals[2].id, { phaseId: type.phases.find((p) => p.endType === null)?.id });

	const run = await n8n.execute('jpSaasExample01');
	expect(run.data.resultData.error).toBeUndefined();
	const posts = sink.received({ method: 'POST', path: '/hook/deal-won' });
	expect(posts.map((p) => (p.body as { dealId: number }).dealId).sort()).toEqual(
		[deals[0].id, deals[1].id].sort(),
	);
	expect((posts[0].body as { text: string }).text).toMatch(/^🎉 受注: .+円 \/ 担当 /);
});

test('example: contacts changed since yesterday → one CSV file', async () => {
	const contacts = [...mazrica.store.contacts.keys()].slice(0, 4);
	for (const id of contacts) mazrica.touch('contact', id);
	const run = await n8n.execute('jpSaasExample05');
	expect(run.data.resultData.error).toBeUndefined();
	const rows = run.data.resultData.runData['Spreadsheet columns'][0].data?.main[0] ?? [];
	expect(rows.map((row) => row.json.ID).sort()).toEqual([...contacts].sort());
	const file = run.data.resultData.runData['To CSV'][0].data?.main[0] ?? [];
	expect(file).toHaveLength(1);
	const binary = (
		file[0] as unknown as { binary: { data: { fileName: string; mimeType: string } } }
	).binary.data;
	expect(binary.fileName).toMatch(/^mazrica-contacts-\d{8}\.csv$/);
	expect(binary.mimeType).toBe('text/csv');
});

test('the Mazrica Trigger, activated in n8n, emits each change once, also across a restart', async () => {
	const workflow = await n8n.rest<{ versionId: string }>('GET', '/rest/workflows/jpSaasExample06');
	const polls = () => mazrica.received({ path: '/v1/deals' }).length;
	const before = polls();
	await n8n.rest('POST', '/rest/workflows/jpSaasExample06/activate', {
		versionId: workflow.versionId,
	});
	await waitFor('the activation poll', () => polls() > before, 60_000);

	const [a, b, c] = [...mazrica.store.deals.keys()].slice(10, 13);
	mazrica.touch('deal', a);
	mazrica.touch('deal', b);
	const forwarded = () =>
		sink
			.received({ method: 'POST', path: '/hook/deal-changed' })
			.map((r) => r.body as { dealId: number; event: string });
	await waitFor('two forwarded changes', () => forwarded().length >= 2, 90_000);

	// Restart n8n: it re-activates the workflow and polls again from the saved watermark.
	await n8n.stop();
	const beforeRestartPolls = polls();
	await n8n.start();
	await waitFor('a poll after the restart', () => polls() > beforeRestartPolls, 90_000);
	mazrica.touch('deal', c);
	await waitFor('the third change', () => forwarded().length >= 3, 90_000);
	// One more poll cycle, to see that nothing is sent twice.
	const settled = polls();
	await waitFor('another poll', () => polls() > settled, 90_000);

	expect(forwarded().map((f) => f.dealId)).toEqual([a, b, c]);
	expect(forwarded().every((f) => f.event === 'updated')).toBe(true);
	const executions = await n8n.rest<{ count: number }>(
		'GET',
		`/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: 'jpSaasExample06' }))}`,
	);
	expect(executions.count).toBe(2);
});
