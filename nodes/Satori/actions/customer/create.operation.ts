import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '@japan-saas/shared/descriptions/show-for';
import { readRequestOptions } from '@japan-saas/shared/descriptions/request-options';

import { satoriRequest } from '../../transport/request';
import { answerItem, identityProperties, optionsCollection, satoriRequestOptions } from '../common';
import { customerForm, customerRecord, customerWriteProperties } from './fields';

export const description: INodeProperties[] = showFor('customer', 'create', [
	{
		displayName:
			'An existing customer is not an error: SATORI only adds tags, changes email delivery and fills items that are still empty (filled items are kept).',
		name: 'createNotice',
		type: 'notice',
		default: '',
	},
	...identityProperties,
	...customerWriteProperties(true),
	optionsCollection(satoriRequestOptions),
]);

/** カスタマー新規登録 (customer/registration.json). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const record = customerRecord(this, itemIndex, true);
	const response = await satoriRequest(
		this,
		'customerRegistration',
		{ form: customerForm(record) },
		readRequestOptions(this, itemIndex),
	);
	return [answerItem({ identityType: record.identityType, value: record.identity }, response)];
}
