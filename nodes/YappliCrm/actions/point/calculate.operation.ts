import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { showFor } from '@japan-saas/shared/descriptions/show-for';

import { pointWriteProperties, writePoints } from './write';

export const description: INodeProperties[] = showFor('point', 'calculate', [
	{
		displayName: 'Member ID',
		name: 'memberId',
		type: 'string',
		required: true,
		default: '',
		description: 'Yappli CRM member ID (会員ID)',
	},
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
