import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '@japan-saas/shared/descriptions/paging';
import { readRequestOptions } from '@japan-saas/shared/descriptions/request-options';
import { showFor } from '@japan-saas/shared/descriptions/show-for';
import { collect, pageSizeFor } from '@japan-saas/shared/transport';

import { yappliPages } from '../../transport/request';
import { memberOptions } from './options';

export const description: INodeProperties[] = showFor('member', 'getAll', [
	...returnAllAndLimit(),
	memberOptions,
]);

/** 顧客一覧: pages of up to 1,000 (per_page), in the order Yappli returns them (undocumented). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = {
		returnAll: this.getNodeParameter('returnAll', itemIndex) as boolean,
		limit: this.getNodeParameter('limit', itemIndex, 50) as number,
	};
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs = options.with_column_key ? { with_column_key: true } : {};
	return await collect(
		yappliPages(
			this,
			'/users',
			'members',
			pageSizeFor(limit, 1000),
			qs,
			readRequestOptions(this, itemIndex),
		),
		limit,
	);
}
