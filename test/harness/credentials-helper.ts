import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	INodeType,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow, isExpression } from 'n8n-workflow';

import { NodeTypesRegistry } from './node-types';

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

/** Credential types by name, resolving `extends` the way n8n's CredentialTypes does. */
export class CredentialTypesRegistry {
	private readonly types = new Map<string, ICredentialType>();

	constructor(types: ICredentialType[]) {
		for (const type of types) this.types.set(type.name, type);
	}

	getByName(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) throw new Error(`Unknown credential type "${name}" in test registry`);
		return type;
	}

	getParentTypes(name: string): string[] {
		const parents = this.getByName(name).extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	/** Own properties merged over the parents', as CredentialsHelper.getCredentialsProperties. */
	getProperties(name: string): INodeProperties[] {
		const type = this.getByName(name);
		const merged: INodeProperties[] = [];
		for (const parent of type.extends ?? []) {
			NodeHelpers.mergeNodeProperties(merged, this.getProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(merged, type.properties);
		return merged;
	}
}

/** A node type with no parameters: the workflow n8n builds only to resolve credential expressions. */
const resolverNodeType: INodeType = {
	description: {
		displayName: 'Credential resolver',
		name: 'mock',
		group: [],
		version: 1,
		description: '',
		defaults: {},
		inputs: [],
		outputs: [],
		properties: [],
	},
};

const mockNode: INode = {
	id: 'credential-resolver',
	name: '',
	typeVersion: 1,
	type: 'mock',
	position: [0, 0],
	parameters: {},
};

/**
 * An in-memory stand-in for n8n's CredentialsHelper (packages/cli/src/credentials-helper.ts) with
 * the same semantics where they matter to our nodes: generic and function `authenticate`, the
 * expirable-field `preAuthentication` rule (runs when the field is empty or after a 401) with the
 * result persisted, defaults and `={{$self…}}` expressions applied on read, OAuth token data
 * written back after a refresh. Tests read `store` to see what n8n would have saved.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	readonly store = new Map<string, StoredCredential>();
	/** Every write n8n would make to the credentials table, in order. */
	readonly writes: Array<{
		id: string;
		kind: 'data' | 'oauthTokenData';
		data: ICredentialDataDecryptedObject;
	}> = [];
	private readonly resolverWorkflow: Workflow;

	constructor(readonly credentialTypes: CredentialTypesRegistry) {
		super();
		this.resolverWorkflow = new Workflow({
			nodes: [mockNode],
			connections: {},
			active: false,
			nodeTypes: new NodeTypesRegistry({ mock: resolverNodeType }),
		});
	}

	add(credential: StoredCredential): INodeCredentialsDetails {
		this.store.set(credential.id, structuredClone(credential));
		return { id: credential.id, name: credential.name };
	}

	stored(id: string): ICredentialDataDecryptedObject {
		const credential = this.store.get(id);
		if (!credential) throw new Error(`No stored credential ${id}`);
		return credential.data;
	}

	getParentTypes(name: string): string[] {
		return this.credentialTypes.getParentTypes(name);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.credentialTypes.getByName(typeName);
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate?.type === 'generic') {
			const target = requestOptions as unknown as Record<string, Record<string, string>>;
			for (const [outerKey, entries] of Object.entries(authenticate.properties)) {
				target[outerKey] ??= {};
				for (const [key, value] of Object.entries(entries as Record<string, string>)) {
					target[outerKey][this.resolve(key, credentials, workflow, node)] = this.resolve(
						value,
						credentials,
						workflow,
						node,
					);
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	resolve(
		value: string,
		credentials: ICredentialDataDecryptedObject,
		workflow = this.resolverWorkflow,
		node: INode = mockNode,
	): string {
		if (!isExpression(value)) return value;
		const resolved = workflow.expression.getSimpleParameterValue(
			node,
			value,
			'internal',
			{ $credentials: credentials },
			undefined,
			'',
		);
		return resolved ? String(resolved) : '';
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.credentialTypes.getByName(typeName);
		const expirable = this.credentialTypes
			.getProperties(typeName)
			.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;

		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const details = node.credentials?.[typeName];
		if (details?.id) {
			const stored = this.stored(details.id);
			Object.assign(stored, output);
			this.writes.push({ id: details.id, kind: 'data', data: structuredClone(stored) });
		}
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.credentialTypes.getByName(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return (await type.preAuthentication.call(
			helpers,
			credentials,
		)) as ICredentialDataDecryptedObject;
	}

	async getCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentials> {
		const id = nodeCredentials.id ?? '';
		const data = this.stored(id);
		return {
			id,
			name: nodeCredentials.name,
			type,
			data: undefined,
			getData: () => structuredClone(data),
			getDataToSave: () => ({ id, name: nodeCredentials.name, type, data: '' }),
			setData: (next: ICredentialDataDecryptedObject) => {
				this.store.set(id, { id, name: nodeCredentials.name, type, data: structuredClone(next) });
			},
			updateData: (patch: ICredentialDataDecryptedObject) => {
				Object.assign(data, structuredClone(patch));
			},
		} as unknown as ICredentials;
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		_executeData?: unknown,
		raw?: boolean,
	): Promise<ICredentialDataDecryptedObject> {
		const original = structuredClone(this.stored(nodeCredentials.id ?? ''));
		if (raw) return original;
		const properties = this.credentialTypes.getProperties(type);
		const withDefaults = NodeHelpers.getNodeParameters(
			properties,
			original as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		if (original.oauthTokenData !== undefined)
			withDefaults.oauthTokenData = original.oauthTokenData;
		return this.resolverWorkflow.expression.getComplexParameterValue(
			mockNode,
			withDefaults as INodeParameters,
			mode,
			{},
			undefined,
			undefined,
			withDefaults,
		) as unknown as ICredentialDataDecryptedObject;
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const id = nodeCredentials.id ?? '';
		const stored = this.store.get(id);
		if (!stored) throw new Error(`No stored credential ${id}`);
		stored.data = structuredClone(data);
		this.writes.push({ id, kind: 'data', data: structuredClone(data) });
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const id = nodeCredentials.id ?? '';
		const stored = this.stored(id);
		stored.oauthTokenData = structuredClone(data.oauthTokenData);
		this.writes.push({
			id,
			kind: 'oauthTokenData',
			data: structuredClone({ oauthTokenData: data.oauthTokenData }),
		});
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.credentialTypes.getProperties(type);
	}
}
