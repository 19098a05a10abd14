import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { showFor } from '@japan-saas/shared/descriptions/show-for';
import { readRequestOptions } from '@japan-saas/shared/descriptions/request-options';

import { readAnswer } from '../../transport/answer';
import { satoriRequest } from '../../transport/request';
import { optionsCollection, satoriRequestOptions } from '../common';

export const description: INodeProperties[] = showFor('customerBulk', 'getStatus', [
	{
		displayName: 'Process Code',
		name: 'processCode',
		type: 'string',
		default: '',
		required: true,
		description: 'The process_code a bulk Register or Upsert returned',
	},
	optionsCollection(satoriRequestOptions),
]);

/** 処理状況取得 (bulk_customers/status.json): process_status and failed_rows of one job. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const code = String(this.getNodeParameter('processCode', itemIndex, '') ?? '').trim();
	if (!code) throw new NodeOperationError(this.getNode(), '"Process Code" is required', { itemIndex });
	const response = await satoriRequest(
		this,
		'bulkStatus',
		{ qs: { process_code: code } },
		readRequestOptions(this, itemIndex),
	);
	const { status, message, payload } = readAnswer(response);
	return [
		{
			process_code: code,
			...payload,
			failed_rows: Array.isArray(payload.failed_rows) ? payload.failed_rows : [],
			status: status ?? null,
			...(message !== undefined ? { message } : {}),
		},
	];
}
