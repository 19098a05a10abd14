import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '@japan-saas/shared/descriptions/show-for';
import { readRequestOptions } from '@japan-saas/shared/descriptions/request-options';

import { satoriRequest } from '../../transport/request';
import { answerItem, identityProperties, optionsCollection, satoriRequestOptions } from '../common';
import { customerForm, customerRecord, customerWriteProperties } from './fields';

export const UPSERT_NOTICE =
	'Upsert creates a new customer when the email is unknown to SATORI. SATORI has no read API, so to update existing customers only, check them in your own system first. Empty fields never clear a stored value.';

export const description: INodeProperties[] = showFor('customer', 'upsert', [
	{ displayName: UPSERT_NOTICE, name: 'upsertNotice', type: 'notice', default: '' },
	...identityProperties,
	...customerWriteProperties(false),
	optionsCollection(satoriRequestOptions),
]);

/** カスタマー新規登録および更新 (customer/upsert.json). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const record = customerRecord(this, itemIndex, false);
	const response = await satoriRequest(
		this,
		'customerUpsert',
		{ form: customerForm(record) },
		readRequestOptions(this, itemIndex),
	);
	return [answerItem({ identityType: record.identityType, value: record.identity }, response)];
}
