import { customItems } from '../fields/custom-items';
import { dealTypesFromBody } from '../transport/deal-types';
import {
	contactId,
	CUSTOMERS,
	DEAL_TYPES,
	dealId,
	PICK_ONE,
	sortByTimestamps,
	updatedAtFrom,
	updatedAtTo,
	userField,
} from './common';
import type { FieldSpec, MazricaEndpoint } from './schema';

const deal = dealId('id');

/** The deal type of a record or a request (案件タイプID). */
const dealTypeId = (name: string, description: string, required = false): FieldSpec => ({
	name,
	parameter: 'dealTypeId',
	displayName: 'Deal Type',
	kind: 'id',
	locator: DEAL_TYPES,
	required,
	description,
});

const dealTypeIdPath = dealTypeId(
	'deal_type_id',
	'案件タイプID: every deal of the request belongs to this deal type',
	true,
);

/** Deal-type settings lists reload when the deal type changes, at the top or in Update Fields. */
const ON_DEAL_TYPE = ['dealType.value', 'updateFields.dealType.value'];

/** Bulk rows of deals carry their deal type: a batch is grouped by it. */
const DEAL_TYPE_FROM_ROW = { deal_type_id: 'dealType' };

/**
 * Deal body (案件情報登録/更新). `required` marks the nine fields the create endpoint requires;
 * update sends only what is given.
 */
const dealFields = (required: boolean): FieldSpec[] => [
	{
		name: 'dealType',
		displayName: 'Deal Type',
		kind: 'reference',
		locator: DEAL_TYPES,
		required,
		description: '案件タイプ',
	},
	{ name: 'name', displayName: 'Name', kind: 'string', required, description: '案件名' },
	{ name: 'amount', displayName: 'Amount', kind: 'number', description: '契約金額' },
	{
		name: 'expectedContractDate',
		displayName: 'Expected Contract Date',
		kind: 'date',
		required,
		description: '契約予定日',
	},
	{
		name: 'reason',
		displayName: 'End Reason',
		kind: 'string',
		description: '最終停止理由 (free text)',
	},
	{
		name: 'endPhaseReasonIds',
		displayName: 'End Phase Reason Names or IDs',
		kind: 'idList',
		loadOptions: 'getEndPhaseReasons',
		dependsOn: ON_DEAL_TYPE,
		description: `最終停止理由ID 配列. ${PICK_ONE}`,
	},
	{
		name: 'dealProductDetails',
		displayName: 'Product Details (JSON)',
		kind: 'json',
		description: '商品内訳: array of product breakdown rows',
	},
	{
		name: 'customer',
		displayName: 'Customer',
		kind: 'reference',
		locator: CUSTOMERS,
		required,
		description: '取引先: the customer, written as { "id": n }',
	},
	{
		name: 'phase',
		displayName: 'Phase Name or ID',
		kind: 'reference',
		loadOptions: 'getPhases',
		dependsOn: ON_DEAL_TYPE,
		required,
		description: `フェーズ (phases of the deal type). ${PICK_ONE}`,
	},
	{
		name: 'product',
		displayName: 'Product Name or ID',
		kind: 'reference',
		loadOptions: 'getProducts',
		dependsOn: ON_DEAL_TYPE,
		required,
		description: `商品 (products of the deal type). ${PICK_ONE}`,
	},
	{
		name: 'probability',
		displayName: 'Probability Name or ID',
		kind: 'reference',
		loadOptions: 'getProbabilities',
		dependsOn: ON_DEAL_TYPE,
		required,
		description: `契約確度 (probabilities of the deal type). ${PICK_ONE}`,
	},
	{
		name: 'channel',
		displayName: 'Channel Name or ID',
		kind: 'reference',
		loadOptions: 'getChannels',
		dependsOn: ON_DEAL_TYPE,
		required,
		description: `チャネル (channels of the deal type). ${PICK_ONE}`,
	},
	{ ...userField('user', 'ユーザー: the user in charge of the deal', required), kind: 'reference' },
	{
		name: 'dealCustoms',
		displayName: 'Custom Fields',
		kind: customItems('deal'),
		description: '案件詳細項目',
	},
];

export const dealEndpoints: MazricaEndpoint[] = [
	{
		resource: 'dealType',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many deal types',
		description: 'List the deal types (ID and name); not paged',
		title: '案件タイプリスト',
		method: 'GET',
		path: '/deal_setting/deal_types',
		readRecords: dealTypesFromBody,
	},
	{
		resource: 'dealType',
		operation: 'get',
		name: 'Get',
		action: 'Get a deal type',
		description:
			'Get the settings of a deal type: phases, products, probabilities, channels, end-phase reasons, action purposes and custom fields',
		title: '案件タイプ設定情報',
		method: 'GET',
		path: '/deal_setting/deal_types/{id}',
		pathParams: [dealTypeId('id', '案件タイプID', true)],
	},
	{
		resource: 'deal',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many deals',
		description: 'List deals, newest update first unless sorted',
		title: '案件情報リスト',
		method: 'GET',
		path: '/deals',
		query: [
			{
				name: 'searchWord',
				displayName: 'Search Word',
				kind: 'string',
				description:
					'Partial match on the customer name or the deal name (取引先名、または案件名と部分一致)',
			},
			dealTypeId('dealTypeId', '案件タイプID'),
			sortByTimestamps(),
			updatedAtFrom,
			{ ...updatedAtTo, description: '更新日時による検索範囲指定(終了)' },
		],
		paged: { listKey: 'deals', pageSize: 100, maxPageSizeViaLimit: 1000 },
	},
	{
		resource: 'deal',
		operation: 'create',
		name: 'Create',
		action: 'Create a deal',
		description:
			'Create a deal (案件情報登録); the IDs of phases, products etc. come from the deal type settings',
		title: '案件情報登録',
		method: 'POST',
		path: '/deals',
		body: dealFields(true),
	},
	{
		resource: 'deal',
		operation: 'get',
		name: 'Get',
		action: 'Get a deal',
		description: 'Get one deal by ID',
		title: '案件情報',
		method: 'GET',
		path: '/deals/{id}',
		pathParams: [deal],
	},
	{
		resource: 'deal',
		operation: 'update',
		name: 'Update',
		action: 'Update a deal',
		description: 'Update a deal; fields left out are unchanged',
		title: '案件情報更新',
		method: 'PATCH',
		path: '/deals/{id}',
		pathParams: [deal],
		body: dealFields(false),
	},
	{
		resource: 'deal',
		operation: 'delete',
		name: 'Delete',
		action: 'Delete a deal',
		description: 'Delete a deal together with all its actions',
		title: '案件情報削除',
		method: 'DELETE',
		path: '/deals/{id}',
		pathParams: [deal],
		notice:
			'Deleting a deal also deletes all actions linked to it in Mazrica (案件に紐づく案件、アクションは全て削除されます).',
	},
	{
		resource: 'deal',
		operation: 'createMany',
		name: 'Create (Bulk)',
		action: 'Create deals in bulk',
		description:
			'Create up to 1,000 deals of one deal type in one all-or-nothing request; no audit log is written',
		title: '案件一括登録',
		method: 'POST',
		path: '/deal_types/{deal_type_id}/deals/bulk',
		pathParams: [dealTypeIdPath],
		bulkOf: { operation: 'create', listKey: 'deals', maxItems: 1000, fromRow: DEAL_TYPE_FROM_ROW },
	},
	{
		resource: 'deal',
		operation: 'updateMany',
		name: 'Update (Bulk)',
		action: 'Update deals in bulk',
		description:
			'Update up to 1,000 deals of one deal type in one all-or-nothing request, each row carrying its deal ID; no audit log is written',
		title: '案件一括更新',
		method: 'PATCH',
		path: '/deal_types/{deal_type_id}/deals/bulk',
		pathParams: [dealTypeIdPath],
		bulkOf: {
			operation: 'update',
			listKey: 'deals',
			maxItems: 1000,
			carry: [{ path: 'id', as: 'id' }],
			fromRow: DEAL_TYPE_FROM_ROW,
		},
	},
	{
		resource: 'dealContact',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many deal contacts',
		description:
			'List the contacts linked to a deal. The document gives no page parameter but the response is { totalCount, page, contacts } (quirk Q6), so pages of 100 are followed if present',
		title: '案件コンタクトリスト',
		method: 'GET',
		path: '/deals/{dealId}/contacts',
		pathParams: [dealId('dealId')],
		paged: { listKey: 'contacts', pageSize: 100 },
	},
	{
		resource: 'dealContact',
		operation: 'add',
		name: 'Add',
		action: 'Add a contact to a deal',
		description: 'Link an existing contact to a deal (案件にコンタクトを紐づけます)',
		title: '案件コンタクト情報登録',
		method: 'POST',
		path: '/deals/{dealId}/contacts/{contactId}',
		pathParams: [
			dealId('dealId'),
			{
				...contactId('contactId'),
				description: 'コンタクトID (documented under the name "id", quirk Q3)',
			},
		],
	},
	{
		resource: 'dealContact',
		operation: 'remove',
		name: 'Remove',
		action: 'Remove a contact from a deal',
		description:
			'Unlink a contact from a deal; the contact itself is not deleted (コンタクト自体は削除されません)',
		title: '案件コンタクト情報削除',
		method: 'DELETE',
		path: '/deals/{dealId}/contacts/{contactId}',
		pathParams: [
			dealId('dealId'),
			{
				...contactId('contactId'),
				description: 'コンタクトID (documented under the name "id", quirk Q3)',
			},
		],
	},
];
