import {
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	PollContext,
	WorkflowExecute,
} from 'n8n-core';
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INode,
	INodeCredentials,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	ITaskData,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import type { TestCredentialsHelper } from './credentials-helper';
import { NodeTypesRegistry } from './node-types';

export interface NodeUnderTest {
	type: INodeType | IVersionedNodeType;
	parameters: INodeParameters;
	credentials?: INodeCredentials;
	typeVersion?: number;
	continueOnFail?: boolean;
	retryOnFail?: boolean;
	maxTries?: number;
}

export interface NodeRunResult {
	/** The node's first output, or [] when it failed. */
	items: INodeExecutionData[];
	/** The error that stopped the node (continueOnFail off), else undefined. */
	error?: ITaskData['error'];
	run: IRun;
}

const NODE_NAME = 'Node Under Test';
const TYPE_NAME = 'test.nodeUnderTest';

export function additionalDataFor(
	credentialsHelper: TestCredentialsHelper,
	hooks: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		executionId: 'test-execution',
		credentialsHelper,
		hooks,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		variables: {},
		userId: 'test-user',
	} as unknown as IWorkflowExecuteAdditionalData;
}

function nodeFor(spec: NodeUnderTest): INode {
	const version = spec.typeVersion ?? defaultVersionOf(spec.type);
	return {
		id: 'node-under-test',
		name: NODE_NAME,
		type: TYPE_NAME,
		typeVersion: version,
		position: [0, 0],
		parameters: spec.parameters,
		credentials: spec.credentials,
		continueOnFail: spec.continueOnFail,
		onError: spec.continueOnFail ? 'continueRegularOutput' : undefined,
		retryOnFail: spec.retryOnFail,
		maxTries: spec.maxTries,
	};
}

function defaultVersionOf(type: INodeType | IVersionedNodeType): number {
	if ('nodeVersions' in type) return type.currentVersion;
	const { version } = type.description;
	return Array.isArray(version) ? version[version.length - 1] : version;
}

function workflowFor(spec: NodeUnderTest, staticData: IDataObject = {}): Workflow {
	return new Workflow({
		id: 'test-workflow',
		name: 'test',
		nodes: [nodeFor(spec)],
		connections: {},
		active: false,
		nodeTypes: new NodeTypesRegistry({ [TYPE_NAME]: spec.type }),
		staticData,
	});
}

/**
 * Runs one node through n8n-core's real WorkflowExecute, fed `input` as its incoming items, the
 * way n8n runs a node after a Manual Trigger. Requests go over real HTTP through the node's
 * `this.helpers`, authenticated by `credentialsHelper`.
 */
export async function runNode(
	spec: NodeUnderTest,
	credentialsHelper: TestCredentialsHelper,
	input: IDataObject[] = [{}],
	mode: WorkflowExecuteMode = 'manual',
): Promise<NodeRunResult> {
	const workflow = workflowFor(spec);
	const node = workflow.getNode(NODE_NAME) as INode;
	const hooks = new ExecutionLifecycleHooks(mode, 'test-execution', {
		id: 'test-workflow',
		name: 'test',
		active: false,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: Object.values(workflow.nodes),
		connections: {},
		activeVersionId: null,
	} as never);
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{
					node,
					data: { main: [input.map((json) => ({ json }))] },
					source: null,
				},
			],
		},
	});
	const execute = new WorkflowExecute(
		additionalDataFor(credentialsHelper, hooks),
		mode,
		runExecutionData,
	);
	const run = await execute.processRunExecutionData(workflow);
	const task = run.data.resultData.runData[NODE_NAME]?.[0];
	return {
		items: task?.data?.main?.[0] ?? [],
		error: task?.error ?? run.data.resultData.error,
		run,
	};
}

/**
 * A polling trigger as n8n holds it while active: one Workflow object whose static data lives on
 * between polls. `restart()` mimics an n8n restart: a fresh Workflow built from the static data
 * n8n last saved (it saves only when a poll emitted).
 */
export class PollingTriggerUnderTest {
	private workflow: Workflow;
	private savedStaticData: IDataObject = {};

	constructor(
		private readonly spec: NodeUnderTest,
		private readonly credentialsHelper: TestCredentialsHelper,
	) {
		this.workflow = workflowFor(spec);
	}

	async poll(mode: 'trigger' | 'manual' = 'trigger'): Promise<INodeExecutionData[] | null> {
		const node = this.workflow.getNode(NODE_NAME) as INode;
		const hooks = new ExecutionLifecycleHooks(mode, 'test-execution', {} as never);
		const context = new PollContext(
			this.workflow,
			node,
			additionalDataFor(this.credentialsHelper, hooks),
			mode,
			mode === 'manual' ? 'manual' : 'init',
		);
		const type = this.workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		if (!type.poll) throw new Error('Node has no poll()');
		const result = await type.poll.call(context);
		const emitted = result?.[0] ?? null;
		if (emitted && emitted.length > 0 && mode === 'trigger') {
			// n8n saves static data as JSON in its database when a poll emits.
			this.savedStaticData = JSON.parse(JSON.stringify(this.workflow.staticData)) as IDataObject;
		}
		return emitted;
	}

	/** This node's slice of the static data n8n holds in memory right now. */
	get staticData(): IDataObject {
		return this.workflow.getStaticData('node', this.workflow.getNode(NODE_NAME) as INode);
	}

	restart(): void {
		this.workflow = workflowFor(
			this.spec,
			JSON.parse(JSON.stringify(this.savedStaticData)) as IDataObject,
		);
	}
}

/**
 * Calls one of a node's loadOptions / resourceMapping methods the way the editor does: n8n builds
 * a one-node workflow from the parameters currently set and a LoadOptionsContext around it.
 */
export async function callNodeMethod<T>(
	spec: NodeUnderTest,
	credentialsHelper: TestCredentialsHelper,
	method: (this: ILoadOptionsFunctions) => Promise<T>,
): Promise<T> {
	const workflow = workflowFor(spec);
	const node = workflow.getNode(NODE_NAME) as INode;
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', {} as never);
	const additionalData = additionalDataFor(credentialsHelper, hooks);
	additionalData.currentNodeParameters = spec.parameters;
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters');
	return await method.call(context);
}
