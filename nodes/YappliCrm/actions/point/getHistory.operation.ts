import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { listPoints, pointListDescription } from './history';

export const description = pointListDescription('getHistory');

/** ポイント付与履歴, newest first. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await listPoints(this, itemIndex, '');
}
