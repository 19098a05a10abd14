import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requestOptionProperties } from '@japan-saas/shared/descriptions/request-options';

import type { OutputZone } from '../transport';

/** cyzen writes UTC without a suffix; users think in Japan time (spec §11.12). */
const outputZoneOption: INodeProperties = {
	displayName: 'Output Times In',
	name: 'outputZone',
	type: 'options',
	options: [
		{ name: 'UTC (…Z)', value: 'UTC' },
		{ name: 'Japan Time (…+09:00)', value: 'Asia/Tokyo' },
	],
	default: 'UTC',
	description: 'How the timestamps cyzen returns are written on the output, both as ISO 8601',
};

export const CYZEN_OPTIONS: INodeProperties[] = [
	...requestOptionProperties('cyzen', 'documented 5 requests per second per access token'),
	outputZoneOption,
];

export function outputZoneOf(context: IExecuteFunctions, itemIndex: number): OutputZone {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return options.outputZone === 'Asia/Tokyo' ? 'Asia/Tokyo' : 'UTC';
}
