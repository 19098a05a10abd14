import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { showFor } from '@japan-saas/shared/descriptions/show-for';

import { memberLocator } from '../member-locator';
import { EXPIRY_CAUSE, pointWriteProperties, writePoints } from './write';

export const description: INodeProperties[] = showFor('point', 'calculate', [
	memberLocator(),
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		required: true,
		typeOptions: { minValue: 0 },
		default: 0,
		description: "Purchase amount; Yappli grants amount × the member rank's rate. Cannot subtract.",
	},
	...pointWriteProperties(),
]);

export const badRequestCauses = [
	"the member's rank has no point rate (ポイント付与率) in Yappli CRM's environment settings",
	EXPIRY_CAUSE,
];

/** ポイント計算: grant points computed from an amount. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const amount = Number(this.getNodeParameter('amount', itemIndex));
	if (!Number.isInteger(amount) || amount < 0) {
		throw new NodeOperationError(this.getNode(), '"Amount" must be a whole number, 0 or more', {
			itemIndex,
		});
	}
	return await writePoints(this, itemIndex, 'points/calculation', { amount });
}
