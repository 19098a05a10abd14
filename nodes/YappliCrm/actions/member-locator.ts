import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * The member picker of every operation that names a member: a searchable list (by unique ID,
 * login ID or a custom-field value; see methods/list-search.ts) or the Yappli CRM member ID typed
 * in. Workflows saved before the picker existed hold the ID as a plain string; that still works.
 */
export function memberLocator(description = 'The Yappli CRM member (会員ID)'): INodeProperties {
	return {
		displayName: 'Member',
		name: 'memberId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Search by unique ID, login ID or a custom field…',
				typeOptions: { searchListMethod: 'searchMembers', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 10234',
			},
		],
	};
}

/**
 * The member ID chosen in the picker: the `__rl` object's value, or the plain string (or number
 * from an expression) that older workflows stored. Throws naming the field when it is empty.
 */
export function memberIdOf(context: IExecuteFunctions, itemIndex: number): string {
	let chosen: unknown = context.getNodeParameter('memberId', itemIndex, '', { extractValue: true });
	// An `__rl` object without a mode is not unpacked by n8n; take its value all the same.
	if (chosen && typeof chosen === 'object' && 'value' in chosen) chosen = chosen.value;
	const value =
		typeof chosen === 'string' || typeof chosen === 'number' ? String(chosen).trim() : '';
	if (!value)
		throw new NodeOperationError(context.getNode(), '"Member" is required', { itemIndex });
	return value;
}
