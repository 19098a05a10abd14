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
	Logger,
	WorkflowActivateMode,
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
	/** The node's name in the workflow; tests of budget sharing vary it. */
	nodeName?: string;
	/** The execution's id; tests of budget sharing vary it. */
	executionId?: string;
}

/** How a test steers one run: `cancel` aborts the execution as n8n's Stop button does. */
export interface RunControl {
	onStarted?(cancel: () => void): void;
}

export interface NodeRunResult {
	/** The node's first output, or [] when it failed. */
	items: INodeExecutionData[];
	/** The error that stopped the node (continueOnFail off), else undefined. */
	error?: ITaskData['error'];
	run: IRun;
}

const NODE_NAME = 'Node Under Test';
const nameOf = (spec: NodeUnderTest) => spec.nodeName ?? NODE_NAME;
const TYPE_NAME = 'test.nodeUnderTest';

export function additionalDataFor(
	credentialsHelper: TestCredentialsHelper,
	hooks: ExecutionLifecycleHooks,
	executionId = 'test-execution',
): IWorkflowExecuteAdditionalData {
	return {
		executionId,
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
		name: nameOf(spec),
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
	control: RunControl = {},
): Promise<NodeRunResult> {
	const workflow = workflowFor(spec);
	const nodeName = nameOf(spec);
	const node = workflow.getNode(nodeName) as INode;
	const executionId = spec.executionId ?? 'test-execution';
	const hooks = new ExecutionLifecycleHooks(mode, executionId, {
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
		additionalDataFor(credentialsHelper, hooks, executionId),
		mode,
		runExecutionData,
	);
	const running = execute.processRunExecutionData(workflow);
	control.onStarted?.(() => running.cancel());
	const run = await running;
	const task = run.data.resultData.runData[nodeName]?.[0];
	return {
		items: task?.data?.main?.[0] ?? [],
		error: task?.error ?? run.data.resultData.error,
		run,
	};
}

/**
 * A polling trigger as n8n 2.40 holds it while active: one Workflow object whose static data lives
 * on between polls, and a database copy of it that n8n writes only at two moments
 * (`packages/cli/src/active-workflow-manager.ts`, `workflows/triggers/trigger-execution-context.factory.ts`):
 * - after a successful activation: `ActiveWorkflowManager.add` awaits the activation poll
 *   (`executePollTrigger(true)` in n8n-core's `ActiveWorkflowTriggers.activatePollTrigger`) and then
 *   calls `saveStaticData`, so whatever that first poll wrote is saved even when it emitted nothing;
 * - when a scheduled poll emits (`__emit` → `saveStaticData`).
 * A poll that returns null, a deactivation and a shutdown save nothing. An activation poll that
 * throws fails the activation; n8n tries again later, which is again an activation poll.
 *
 * The first poll after construction is the activation poll of a user activating the workflow
 * (`getActivationMode()` = 'activate'); `restart()` mimics an n8n restart: a fresh Workflow from the
 * saved static data whose polls all run under activation mode 'init', the first of them being the
 * activation poll again.
 */
export class PollingTriggerUnderTest {
	/** What the trigger wrote to n8n's logger (`this.logger`), in order. */
	readonly logs: Array<{ level: keyof Logger; message: string }> = [];
	private workflow: Workflow;
	private savedStaticData: IDataObject = {};
	private activation: WorkflowActivateMode = 'activate';
	private activated = false;

	constructor(
		private readonly spec: NodeUnderTest,
		private readonly credentialsHelper: TestCredentialsHelper,
	) {
		this.workflow = workflowFor(spec);
	}

	async poll(mode: 'trigger' | 'manual' = 'trigger'): Promise<INodeExecutionData[] | null> {
		const node = this.workflow.getNode(nameOf(this.spec)) as INode;
		const hooks = new ExecutionLifecycleHooks(mode, 'test-execution', {} as never);
		const context = new PollContext(
			this.workflow,
			node,
			additionalDataFor(this.credentialsHelper, hooks),
			mode,
			mode === 'manual' ? 'manual' : this.activation,
		);
		// n8n-core memoizes `logger` on first use; an own property set first records each line and
		// passes it on to n8n's process-wide logger (which other tests may watch).
		Object.defineProperty(context, 'logger', { value: this.recordingLogger(context) });
		const type = this.workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		if (!type.poll) throw new Error('Node has no poll()');
		const result = await type.poll.call(context);
		const emitted = result?.[0] ?? null;
		if (mode !== 'trigger') return emitted;
		const activationPoll = !this.activated;
		this.activated = true;
		// n8n saves static data as JSON in its database when a poll emits, and after activation.
		if ((emitted && emitted.length > 0) || activationPoll) this.save();
		return emitted;
	}

	/** This node's slice of the static data n8n holds in memory right now. */
	get staticData(): IDataObject {
		return this.workflow.getStaticData('node', this.workflow.getNode(nameOf(this.spec)) as INode);
	}

	/** This node's slice of the static data in n8n's database right now. */
	get savedNodeStaticData(): IDataObject | undefined {
		return this.savedStaticData[`node:${nameOf(this.spec)}`] as IDataObject | undefined;
	}

	restart(): void {
		this.workflow = workflowFor(
			this.spec,
			JSON.parse(JSON.stringify(this.savedStaticData)) as IDataObject,
		);
		this.activation = 'init';
		this.activated = false;
	}

	private recordingLogger(context: PollContext): Logger {
		// An object inheriting from the context reads n8n's logger through n8n-core's getter
		// without memoizing it on the context itself.
		const n8nLogger = Object.create(context).logger as Logger;
		const recorder =
			(level: keyof Logger): Logger[keyof Logger] =>
			(message, metadata) => {
				this.logs.push({ level, message });
				n8nLogger[level](message, metadata);
			};
		return {
			error: recorder('error'),
			warn: recorder('warn'),
			info: recorder('info'),
			debug: recorder('debug'),
		};
	}

	private save(): void {
		this.savedStaticData = JSON.parse(JSON.stringify(this.workflow.staticData)) as IDataObject;
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
	const node = workflow.getNode(nameOf(spec)) as INode;
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', {} as never);
	const additionalData = additionalDataFor(credentialsHelper, hooks);
	additionalData.currentNodeParameters = spec.parameters;
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters');
	return await method.call(context);
}
