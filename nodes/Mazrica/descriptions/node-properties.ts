import type { INodeProperties } from 'n8n-workflow';

import { bulkTwin, OPERATIONS } from '../endpoints/catalog';
import { RESOURCES } from '../endpoints/index';
import { operationProperties } from './operation-properties';

function resourceProperty(): INodeProperties {
	const used = new Set(OPERATIONS.map((endpoint) => endpoint.resource));
	const resources = RESOURCES.filter((resource) => used.has(resource.value)).sort((a, b) =>
		a.name.localeCompare(b.name),
	);
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources.map(({ name, value, description }) => ({ name, value, description })),
		default: 'customer',
	};
}

function operationProperty(resource: string): INodeProperties {
	const endpoints = OPERATIONS.filter((endpoint) => endpoint.resource === resource).sort((a, b) =>
		a.name.localeCompare(b.name),
	);
	const first = (endpoints.find((e) => e.operation === 'getAll') ?? endpoints[0]).operation;
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: endpoints.map((endpoint) => ({
			name: endpoint.name,
			value: endpoint.operation,
			action: endpoint.action,
			description: endpoint.description,
		})),
		default: first,
	};
}

/** The Mazrica node's whole parameter list, derived from the endpoint table. */
export function mazricaNodeProperties(): INodeProperties[] {
	const resources = [...new Set(OPERATIONS.map((endpoint) => endpoint.resource))];
	return [
		resourceProperty(),
		...resources.map(operationProperty),
		...OPERATIONS.flatMap((endpoint) => operationProperties(endpoint, bulkTwin(endpoint))),
	];
}
