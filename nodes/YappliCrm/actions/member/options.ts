import type { INodeProperties } from 'n8n-workflow';

import { requestOptionsProperties } from '../common';

/** Options of every member operation: key names for custom columns, and the request rate. */
export const memberOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		...requestOptionsProperties,
		{
			displayName: 'Use Column Key Names',
			name: 'with_column_key',
			type: 'boolean',
			default: false,
			description:
				'Whether to return custom fields under the key names set in the admin screen instead of column01–column50',
		},
	],
};
