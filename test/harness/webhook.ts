import { ExecutionLifecycleHooks, WebhookContext } from 'n8n-core';
import type {
	INode,
	INodeExecutionData,
	IWebhookData,
	IWebhookDescription,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { http, type IncomingMessage, type Server, type ServerResponse } from '../platform/node';
import type { TestCredentialsHelper } from './credentials-helper';
import { additionalDataFor, type NodeUnderTest } from './execute';
import { NodeTypesRegistry } from './node-types';

const NODE_NAME = 'Webhook Under Test';
const TYPE_NAME = 'test.webhookUnderTest';
const WEBHOOK_ID = 'test-webhook-id';

function parseBody(raw: Buffer, contentType: string): unknown {
	const text = raw.toString('utf8');
	if (contentType.includes('application/json')) {
		try {
			return JSON.parse(text) as unknown;
		} catch {
			return {};
		}
	}
	if (contentType.includes('application/x-www-form-urlencoded')) {
		return Object.fromEntries(new URLSearchParams(text));
	}
	return {};
}

/**
 * A webhook trigger node served the way n8n serves a production webhook
 * (packages/cli/src/webhooks: the body parsed as n8n parses it, with `rawBody` kept, a
 * WebhookContext from n8n-core around the request, the node's `webhook()` called): the node
 * either answers itself (`noWebhookResponse`) or returns items, which start an execution, and
 * n8n answers at once ("onReceived"). `executions` holds the trigger output of each execution
 * that would have started.
 */
export class WebhookTriggerUnderTest {
	readonly executions: INodeExecutionData[][] = [];
	private server?: Server;
	private readonly workflow: Workflow;
	private readonly description: IWebhookDescription;

	constructor(
		spec: NodeUnderTest,
		private readonly credentialsHelper: TestCredentialsHelper,
	) {
		const node: INode = {
			id: 'webhook-under-test',
			name: NODE_NAME,
			type: TYPE_NAME,
			typeVersion: 1,
			position: [0, 0],
			parameters: spec.parameters,
			credentials: spec.credentials,
			webhookId: WEBHOOK_ID,
		};
		this.workflow = new Workflow({
			id: 'webhook-workflow',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes: new NodeTypesRegistry({ [TYPE_NAME]: spec.type }),
		});
		const description = this.workflow.nodeTypes
			.getByNameAndVersion(TYPE_NAME, 1)
			.description.webhooks?.[0];
		if (!description) throw new Error('The node declares no webhook');
		this.description = description;
	}

	/** The production URL n8n would show: /webhook/<webhookId>/<path>. */
	get url(): string {
		const address = this.server?.address();
		if (!address || typeof address === 'string') throw new Error('not listening');
		return `http://127.0.0.1:${address.port}/webhook/${WEBHOOK_ID}/${String(this.description.path)}`;
	}

	async start(): Promise<string> {
		this.server = http.createServer((req, res) => {
			void this.handle(req, res);
		});
		await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
		return this.url;
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		const url = new URL(req.url ?? '/', 'http://n8n');
		if (req.method !== this.description.httpMethod || url.pathname !== new URL(this.url).pathname) {
			res.writeHead(404, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ message: 'The requested webhook is not registered.' }));
			return;
		}
		const request = Object.assign(req, {
			body: parseBody(rawBody, String(req.headers['content-type'] ?? '')),
			rawBody,
			query: Object.fromEntries(url.searchParams),
			params: {},
		});
		const node = this.workflow.getNode(NODE_NAME) as INode;
		const additionalData = {
			...additionalDataFor(
				this.credentialsHelper,
				new ExecutionLifecycleHooks('webhook', 'webhook-execution', {} as never),
			),
			httpRequest: request,
			httpResponse: res,
		} as unknown as IWorkflowExecuteAdditionalData;
		const webhookData: IWebhookData = {
			httpMethod: this.description.httpMethod as IWebhookData['httpMethod'],
			node: NODE_NAME,
			path: String(this.description.path),
			webhookDescription: this.description,
			workflowId: 'webhook-workflow',
			workflowExecuteAdditionalData: additionalData,
			webhookId: WEBHOOK_ID,
		};
		const context = new WebhookContext(this.workflow, node, additionalData, 'webhook', webhookData, [], null);
		const type = this.workflow.nodeTypes.getByNameAndVersion(TYPE_NAME, 1);
		if (!type.webhook) throw new Error('The node has no webhook()');
		let result: Awaited<ReturnType<NonNullable<typeof type.webhook>>>;
		try {
			result = await type.webhook.call(context);
		} catch (error) {
			res.writeHead(500, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ message: (error as Error).message }));
			return;
		}
		if (result.noWebhookResponse) {
			if (!res.writableEnded) res.end();
			return;
		}
		if (result.workflowData === undefined) {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify(result.webhookResponse ?? { message: 'Webhook call received' }));
			return;
		}
		this.executions.push(result.workflowData[0] ?? []);
		// "onReceived": n8n answers at once with the description's responseData (default
		// 'firstEntryJson', sent as that text), else the node's webhookResponse, else a fixed message
		// (packages/cli/src/webhooks/webhook-on-received-response-extractor.ts).
		const responseData =
			this.description.responseData === undefined ? 'firstEntryJson' : this.description.responseData;
		const body =
			responseData === 'noData'
				? undefined
				: responseData || (result.webhookResponse ?? { message: 'Workflow was started' });
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body));
	}
}
