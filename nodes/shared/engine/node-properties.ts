import type { INodeProperties } from 'n8n-workflow';

import { operationDropdown } from '../descriptions/operation-dropdown';

import { operationProperties } from './operation-properties';
import type { EndpointSpec, EngineConfig } from './types';

/** The operation's description in the dropdown, with the path's status when the table gives one. */
export function operationDescription(endpoint: EndpointSpec): string {
	return endpoint.status
		? `${endpoint.description} [${endpoint.status} path]`
		: endpoint.description;
}

/** The Resource dropdown: the resources the operations use, sorted by name. */
function resourceProperty<E extends EndpointSpec>(config: EngineConfig<E>): INodeProperties {
	const used = new Set(config.operations.map((endpoint) => endpoint.resource));
	const labelled = new Set(config.resources.map((resource) => resource.value));
	const unlabelled = [...used].filter((resource) => !labelled.has(resource));
	// An operation whose resource has no entry would have no Resource option to reach it.
	if (unlabelled.length > 0)
		throw new Error(`${config.vendor}: no resources entry for ${unlabelled.join(', ')}`);
	const resources = config.resources
		.filter((resource) => used.has(resource.value))
		.sort((a, b) => a.name.localeCompare(b.name));
	const first = config.defaultResource ?? resources[0]?.value ?? '';
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources.map(({ name, value, description }) => ({ name, value, description })),
		default: first,
	};
}

function operationProperty<E extends EndpointSpec>(
	config: EngineConfig<E>,
	resource: string,
): INodeProperties {
	const endpoints = config.operations
		.filter((endpoint) => endpoint.resource === resource)
		.sort((a, b) => a.name.localeCompare(b.name));
	const first = (endpoints.find((e) => e.operation === 'getAll') ?? endpoints[0]).operation;
	return operationDropdown(
		resource,
		endpoints.map((endpoint) => ({
			name: endpoint.name,
			value: endpoint.operation,
			action: endpoint.action,
			description: operationDescription(endpoint),
		})),
		first,
	);
}

/** A node's whole parameter list, derived from the vendor's tables. */
export function nodeProperties<E extends EndpointSpec>(config: EngineConfig<E>): INodeProperties[] {
	const resources = [...new Set(config.operations.map((endpoint) => endpoint.resource))];
	return [
		resourceProperty(config),
		...resources.map((resource) => operationProperty(config, resource)),
		...config.operations.flatMap((endpoint) =>
			operationProperties(endpoint, config.vendor, config.optionProperties, config.hooks ?? []),
		),
	];
}
