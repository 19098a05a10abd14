import { ExecuteContext, ExecutionLifecycleHooks, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	INode,
	INodeType,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import type { TestCredentialsHelper } from './credentials-helper';
import { additionalDataFor } from './execute';
import { NodeTypesRegistry } from './node-types';

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

interface ErrorWithResponse {
	message?: string;
	cause?: { response?: { status: number; statusText?: string }; code?: string };
}

/**
 * A credential's `test` run the way n8n's CredentialsTester does it
 * (packages/cli/src/services/credentials-tester.service.ts, runRequestTest): the test request
 * becomes the routing of a one-property node that n8n-core's RoutingNode runs with the
 * credential's authentication, then the `responseCode` rules are applied to an HTTP error and
 * the `responseSuccessBody` rules to the answer.
 */
export async function runCredentialTest(
	credentialType: ICredentialType,
	data: ICredentialDataDecryptedObject,
	credentialsHelper: TestCredentialsHelper,
): Promise<CredentialTestResult> {
	const test = credentialType.test;
	if (!test) throw new Error(`${credentialType.name} has no test`);
	const stored = credentialsHelper.add({ id: `test-${credentialType.name}`, name: 'under test', type: credentialType.name, data });
	const nodeType: INodeType = {
		description: {
			displayName: 'Temp',
			name: 'temp',
			group: [],
			version: 1,
			description: '',
			defaults: {},
			inputs: [],
			outputs: [],
			credentials: [{ name: credentialType.name, required: true }],
			properties: [
				{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: test.request }, default: '' },
			],
		},
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'temp',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [credentialType.name]: stored },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new NodeTypesRegistry({ temp: nodeType }),
	});
	const additionalData: IWorkflowExecuteAdditionalData = {
		...additionalDataFor(credentialsHelper, new ExecutionLifecycleHooks('internal', 'credential-test', {} as never)),
		currentNodeParameters: node.parameters,
	};
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const decrypted = { id: stored.id ?? '', name: stored.name, type: credentialType.name, data };
	let response: Awaited<ReturnType<RoutingNode['runNode']>>;
	try {
		response = await new RoutingNode(context, nodeType, decrypted).runNode();
	} catch (thrown) {
		const error = thrown as ErrorWithResponse;
		const answer = error.cause?.response;
		if (answer) {
			for (const rule of test.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === answer.status) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (answer.status < 199 || answer.status > 299) {
				return { status: 'Error', message: answer.statusText || `Received HTTP status code: ${answer.status}` };
			}
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		return { status: 'Error', message: String(error.message) };
	}
	for (const rule of test.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		const body = response?.[0]?.[0]?.json as Record<string, unknown> | undefined;
		if (body?.[rule.properties.key] === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection tested successfully' };
}
