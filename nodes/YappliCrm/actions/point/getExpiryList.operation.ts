import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { listPoints, pointListDescription } from './history';

export const description = pointListDescription('getExpiryList');

/** ポイント有効期限一覧: points grouped by expiry date, nearest first. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await listPoints(this, itemIndex, '/expired_list');
}
