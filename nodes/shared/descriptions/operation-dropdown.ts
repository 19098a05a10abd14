import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { OperationTable, RoutedOperation } from '../execute/per-item';

/**
 * The Operation dropdown of one resource: its options sorted by name (n8n's lint asks for it),
 * shown only for that resource.
 */
export function operationDropdown(
	resource: string,
	options: INodePropertyOptions[],
	defaultOperation: string,
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: [...options].sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultOperation,
	};
}

/** The Operation dropdowns of a router's table; the default is `defaults[resource]`, else Get Many, else the first. */
export function operationDropdowns<E extends RoutedOperation<unknown>>(
	table: OperationTable<E>,
	defaults: Record<string, string> = {},
): INodeProperties[] {
	return Object.entries(table).map(([resource, operations]) => {
		const values = Object.keys(operations);
		return operationDropdown(
			resource,
			Object.entries(operations).map(([value, entry]) => ({
				name: entry.name,
				value,
				action: entry.action,
				description: entry.description,
			})),
			defaults[resource] ?? (values.includes('getAll') ? 'getAll' : values[0]),
		);
	});
}
