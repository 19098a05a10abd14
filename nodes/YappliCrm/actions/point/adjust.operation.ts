import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { showFor } from '@japan-saas/shared/descriptions/show-for';

import { memberLocator } from '../member-locator';
import { EXPIRY_CAUSE, pointWriteProperties, writePoints } from './write';

export const description: INodeProperties[] = showFor('point', 'adjust', [
	memberLocator(),
	{
		displayName: 'Points',
		name: 'point',
		type: 'number',
		required: true,
		default: 0,
		description: 'Positive adds points, negative subtracts them',
	},
	...pointWriteProperties(),
]);

export const badRequestCauses = ['subtracting more points than the member holds', EXPIRY_CAUSE];

/** ポイント付与(加算・減算) */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const point = Number(this.getNodeParameter('point', itemIndex));
	if (!Number.isInteger(point) || point === 0) {
		throw new NodeOperationError(this.getNode(), '"Points" must be a whole number other than 0', {
			itemIndex,
		});
	}
	return await writePoints(this, itemIndex, 'points', { point });
}
