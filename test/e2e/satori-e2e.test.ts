import type { N8nServer } from '../../scripts/n8n/n8n';
import { delay } from '../platform/node';
import { CONTACT_FORM_BODY, SatoriFormWebhook } from '../simulators/satori/form-webhook';
import { startDemoSimulators, type DemoServices } from '../simulators/demo';
import { readExample, startN8n, waitFor } from './environment';

/**
 * SATORI in a real n8n 2.40.7 (the package installed from its npm tarball): the credential test
 * through n8n's own tester, the form-webhook trigger on its production URL, and both examples.
 */
jest.setTimeout(600_000);

let services: DemoServices;
let n8n: N8nServer;

const FORM_WORKFLOW = 'jpSaasSatoriEx1';
const BULK_WORKFLOW = 'jpSaasSatoriEx2';

interface Workflow {
	nodes: Array<{ name: string; webhookId?: string; parameters: Record<string, unknown> }>;
}

const formExample = () => readExample('satori-form-to-mazrica.json', {}) as unknown as Workflow;

beforeAll(async () => {
	n8n = await startN8n();
	services = await startDemoSimulators({ mazrica: 0, yappli: 0, rodem: 0, satori: 0, sink: 0 }, [
		`${n8n.url}/rest/oauth2-credential/callback`,
	]);
	await n8n.importCredentials(services.credentials);
	await n8n.importWorkflows([
		formExample(),
		readExample('mazrica-contacts-to-satori-bulk.json', {}),
	]);
});

afterAll(async () => {
	await n8n?.stop();
	await Promise.all((services?.all ?? []).map(({ simulator }) => simulator.stop()));
});

function output(run: Awaited<ReturnType<N8nServer['execute']>>, node: string) {
	return run.data.resultData.runData[node]?.[0]?.data?.main[0] ?? [];
}

async function executionsOf(workflowId: string): Promise<number> {
	const executions = await n8n.rest<{ count: number }>(
		'GET',
		`/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`,
	);
	return executions.count;
}

test('n8n lists the SATORI node and trigger under the community package prefix', async () => {
	const types = await n8n.rest<Array<{ name: string; webhooks?: unknown[] }>>('GET', '/types/nodes.json');
	const names = types.map((t) => t.name);
	expect(names).toEqual(expect.arrayContaining(['n8n-nodes-japan-saas.satori', 'n8n-nodes-japan-saas.satoriTrigger']));
});

test("n8n's credential test tells right keys, wrong keys and a missing permission apart, creating nothing", async () => {
	const { satori } = services;
	const run = async (data: Record<string, unknown>) =>
		await n8n.rest<{ status: string; message: string }>('POST', '/rest/credentials/test', {
			credentials: { id: 'jpSaasSatori001', name: 'SATORI (local simulator)', type: 'satoriApi', data },
		});
	const customers = satori.customersOf().length;
	const right = { ...satori.keysOf(0), baseUrl: satori.baseUrl };
	expect(await run(right)).toEqual(expect.objectContaining({ status: 'OK' }));
	const wrong = await run({ ...right, userSecret: `${right.userSecret}x` });
	expect(wrong.status).toBe('Error');
	expect(wrong.message).toMatch(/^SATORI did not accept the keys/);
	const denied = await run({ ...satori.keysOf(2), baseUrl: satori.baseUrl });
	expect(denied.status).toBe('Error');
	expect(denied.message).toMatch(/^The keys are valid, but the permission rule/);
	expect(satori.customersOf()).toHaveLength(customers);
	expect(satori.jobs.size).toBe(0);
});

test('example: a SATORI form submission on the production URL lands in Mazrica; wrong or missing secrets start nothing', async () => {
	const { mazrica } = services;
	const trigger = formExample().nodes.find((node) => node.name === 'SATORI form submitted');
	const url = `${n8n.url}/webhook/${trigger?.webhookId}/satori`;
	const secret = String(trigger?.parameters.secret);
	const workflow = await n8n.rest<{ versionId: string }>('GET', `/rest/workflows/${FORM_WORKFLOW}`);
	await n8n.rest('POST', `/rest/workflows/${FORM_WORKFLOW}/activate`, { versionId: workflow.versionId });

	const send = (headers: Record<string, string>) =>
		new SatoriFormWebhook({ url, headers, body: CONTACT_FORM_BODY }).submit({
			email: 'hanako.form@example.jp',
			last_name: '森',
			first_name: '花子',
			company: '株式会社フォーム商事',
			inquiry: '導入の相談',
		});
	// n8n registers the production webhook shortly after the activation call returns (404 until then).
	let wrong = await send({ 'X-Satori-Secret': `${secret}-wrong` });
	for (let tries = 0; wrong.status === 404 && tries < 60; tries++) {
		await delay(500);
		wrong = await send({ 'X-Satori-Secret': `${secret}-wrong` });
	}
	expect(wrong.status).toBe(401);
	expect((await send({})).status).toBe(401);
	const accepted = await send({ 'X-Satori-Secret': secret });
	expect(accepted).toEqual({ status: 200, text: JSON.stringify({ message: 'Workflow was started' }) });

	const contacts = () => [...mazrica.store.contacts.values()].filter((c) => c.email === 'hanako.form@example.jp');
	await waitFor('the Mazrica contact', () => contacts().length > 0, 60_000);
	const [contact] = contacts();
	expect(contact.name).toBe('森 花子');
	expect(contact.memo).toBe('SATORIフォーム: 導入の相談');
	const customer = mazrica.store.customers.get(Number(contact.customerId));
	expect(customer?.name).toBe('株式会社フォーム商事');

	// The execution is saved when it ends; the 401s before it started none.
	for (let tries = 0; (await executionsOf(FORM_WORKFLOW)) === 0; tries++) {
		if (tries > 120) throw new Error('no execution saved after 60 s');
		await delay(500);
	}
	expect(await executionsOf(FORM_WORKFLOW)).toBe(1);
	expect(contacts()).toHaveLength(1);
	expect([...mazrica.store.customers.values()].filter((c) => c.name === '株式会社フォーム商事')).toHaveLength(1);
});

test('example: Mazrica contacts changed since yesterday → one SATORI bulk upload, waited for, every contact written', async () => {
	const { mazrica, satori } = services;
	const changed = [...mazrica.store.contacts.values()].slice(0, 4);
	for (const contact of changed) mazrica.touch('contact', contact.id);
	const jobsBefore = satori.jobs.size;

	const run = await n8n.execute(BULK_WORKFLOW);
	expect(run.data.resultData.error).toBeUndefined();
	const items = output(run, 'Upsert SATORI customers');
	const emails = changed.map((c) => c.email);
	const reported = items.filter((item) => emails.includes(String(item.json.email)));
	expect(reported).toHaveLength(changed.length);
	for (const item of reported) expect(item.json.process_status).toBe('finished');
	expect(items.every((item) => item.json.error === undefined)).toBe(true);

	expect(satori.jobs.size).toBe(jobsBefore + 1);
	for (const contact of changed) {
		const customer = satori.customerByEmail(contact.email ?? '');
		expect(customer?.items.collection_route).toBe('Mazrica');
		expect(customer?.items.last_name).toBe(contact.name.split(' ')[0]);
		expect(customer?.custom.source_system).toBe(`mazrica-contact-${contact.id}`);
	}
});
