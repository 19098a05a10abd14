import { ExecutionLifecycleHooks, HookContext } from 'n8n-core';
import type { IDataObject, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { request } from 'undici';

import { SatoriTrigger } from '../../nodes/Satori/SatoriTrigger.node';
import { CredentialTypesRegistry, NodeTypesRegistry, TestCredentialsHelper, WebhookTriggerUnderTest } from '../harness';
import { crypto } from '../platform/node';
import { CONTACT_FORM_BODY, SatoriFormWebhook } from '../simulators/satori/form-webhook';

/**
 * The SATORI Trigger as n8n serves its production webhook (WebhookContext from n8n-core), fed by
 * the sender of SATORI-shaped form webhooks.
 */
const secret = crypto.randomBytes(24).toString('hex');
const helper = new TestCredentialsHelper(new CredentialTypesRegistry([]));

async function serve(parameters: IDataObject) {
	const trigger = new WebhookTriggerUnderTest({ type: new SatoriTrigger(), parameters: parameters as never }, helper);
	await trigger.start();
	return trigger;
}

let trigger: WebhookTriggerUnderTest;
beforeAll(async () => {
	trigger = await serve({ headerName: 'X-Satori-Secret', secret });
});
afterAll(async () => {
	await trigger.stop();
});
beforeEach(() => {
	trigger.executions.length = 0;
});

const form = (headers: Record<string, string>) =>
	new SatoriFormWebhook({ url: trigger.url, headers, body: CONTACT_FORM_BODY });
const submission = { email: 'taro@example.jp', last_name: '山田', first_name: '太郎', company: '株式会社サンプル', inquiry: '資料がほしい' };

test('the right secret starts one execution with the form fields as one item, answered at once', async () => {
	const answer = await form({ 'X-Satori-Secret': secret }).submit(submission);
	expect(answer).toEqual({ status: 200, text: JSON.stringify({ message: 'Workflow was started' }) });
	expect(trigger.executions).toEqual([
		[
			{
				json: {
					email: 'taro@example.jp',
					last_name: '山田',
					first_name: '太郎',
					company: '株式会社サンプル',
					phone: '',
					inquiry: '資料がほしい',
					form: 'お問い合わせフォーム',
				},
			},
		],
	]);
});

test('a wrong, a differently long or a missing secret answers 401 and starts nothing', async () => {
	const lastCharChanged = `${secret.slice(0, -1)}${secret.endsWith('0') ? '1' : '0'}`;
	const attempts: Array<Record<string, string>> = [
		{ 'X-Satori-Secret': lastCharChanged },
		{ 'X-Satori-Secret': `${secret}extra` },
		{ 'X-Satori-Secret': '' },
		{ 'X-Other-Header': secret },
		{},
	];
	for (const headers of attempts) {
		const answer = await form(headers).submit(submission);
		expect(answer.status).toBe(401);
		expect(JSON.parse(answer.text)).toEqual({ message: 'Missing or wrong x-satori-secret header' });
	}
	expect(trigger.executions).toEqual([]);
});

test('header names match whatever their case, as HTTP says', async () => {
	const answer = await form({ 'x-SATORI-secret': secret }).submit(submission);
	expect(answer.status).toBe(200);
	expect(trigger.executions).toHaveLength(1);
});

test('without a configured secret every request is refused', async () => {
	const open = await serve({ headerName: 'X-Satori-Secret', secret: '' });
	try {
		const answer = await new SatoriFormWebhook({ url: open.url, headers: { 'X-Satori-Secret': '' }, body: CONTACT_FORM_BODY }).submit(submission);
		expect(answer.status).toBe(401);
		expect(open.executions).toEqual([]);
	} finally {
		await open.stop();
	}
});

test('Include Headers adds the headers without the secret; a JSON body sent as text is still read', async () => {
	const withHeaders = await serve({ headerName: 'X-Satori-Secret', secret, options: { includeHeaders: true } });
	try {
		const response = await request(withHeaders.url, {
			method: 'POST',
			headers: { 'content-type': 'text/plain', 'x-satori-secret': secret, 'x-form-id': 'F-12' },
			body: JSON.stringify({ email: 'hanako@example.jp' }),
		});
		expect(response.statusCode).toBe(200);
		await response.body.dump();
		const [[item]] = withHeaders.executions;
		expect(item.json.email).toBe('hanako@example.jp');
		expect(item.json.headers).toEqual(expect.objectContaining({ 'x-form-id': 'F-12', 'content-type': 'text/plain' }));
		expect(JSON.stringify(item.json)).not.toContain(secret);
	} finally {
		await withHeaders.stop();
	}
});

test('activation refuses a secret shorter than 16 characters; nothing is registered at SATORI', async () => {
	const activate = async (parameters: IDataObject) => {
		const node = {
			id: 'n',
			name: 'SATORI Trigger',
			type: 'satoriTrigger',
			typeVersion: 1,
			position: [0, 0] as [number, number],
			parameters: parameters as never,
			webhookId: 'w',
		};
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes: new NodeTypesRegistry({ satoriTrigger: new SatoriTrigger() }),
		});
		const additionalData = {
			hooks: new ExecutionLifecycleHooks('trigger', 'x', {} as never),
			credentialsHelper: helper,
		} as unknown as IWorkflowExecuteAdditionalData;
		const context = new HookContext(workflow, node, additionalData, 'trigger', 'activate');
		const methods = new SatoriTrigger().webhookMethods.default;
		expect(await methods.checkExists.call(context)).toBe(false);
		return await methods.create.call(context);
	};
	await expect(activate({ headerName: 'X-Satori-Secret', secret: 'short' })).rejects.toThrow(
		'"Secret" must be at least 16 characters',
	);
	await expect(activate({ headerName: 'X Satori', secret })).rejects.toThrow('"Secret Header Name"');
	expect(await activate({ headerName: 'X-Satori-Secret', secret })).toBe(true);
});
