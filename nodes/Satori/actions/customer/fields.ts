import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { identityOf, satoriTime, type IdentityType } from '../common';

const TAG_ADVICE =
	'Comma-separated tag names. SATORI does not recommend writing tags from outside SATORI, because they are also edited inside SATORI.';

/** Standard customer items (カスタマー項目) with their v4 names, for create, upsert and bulk. */
const customerFieldOptions: INodeProperties[] = [
	{ displayName: 'Address (住所)', name: 'address', type: 'string', default: '' },
	{
		displayName: 'Collection Date (情報獲得日)',
		name: 'collection_date',
		type: 'dateTime',
		default: '',
		description: 'Sent as a Japan date, YYYY-MM-DD',
	},
	{ displayName: 'Company Name (会社名)', name: 'lead_company_name', type: 'string', default: '' },
	{
		displayName: 'Email Delivery (メール配信可否)',
		name: 'delivery_permission',
		type: 'options',
		options: [
			{ name: 'Allowed (Approval)', value: 'approval' },
			{ name: 'Refused (Reject)', value: 'reject' },
		],
		default: 'approval',
	},
	{ displayName: 'First Name (名)', name: 'first_name', type: 'string', default: '' },
	{
		displayName: 'First Name Reading (名 ふりがな)',
		name: 'first_name_reading',
		type: 'string',
		default: '',
	},
	{ displayName: 'Last Name (姓)', name: 'last_name', type: 'string', default: '' },
	{
		displayName: 'Last Name Reading (姓 ふりがな)',
		name: 'last_name_reading',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Memo (メモ)',
		name: 'memo',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
	},
	{
		displayName: 'Mobile Phone Number (携帯電話番号)',
		name: 'mobile_phone_number',
		type: 'string',
		default: '',
		placeholder: '090-1234-5678',
	},
	{
		displayName: 'Phone Number (電話番号)',
		name: 'phone_number',
		type: 'string',
		default: '',
		placeholder: '03-1234-5678',
	},
	{
		displayName: 'Tags to Add (タグ追加)',
		name: 'append_tags',
		type: 'string',
		default: '',
		description: TAG_ADVICE,
	},
	{
		displayName: 'Tags to Remove (タグ削除)',
		name: 'delete_tags',
		type: 'string',
		default: '',
		description: TAG_ADVICE,
	},
];

/** Key/value lists: custom items, and standard items whose v4 name SATORI does not publish. */
function keyValueList(
	displayName: string,
	name: string,
	keyLabel: string,
	keyDescription: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		placeholder: `Add ${keyLabel}`,
		typeOptions: { multipleValues: true },
		default: {},
		options: [
			{
				displayName: keyLabel,
				name: 'item',
				values: [
					{
						displayName: 'Parameter Name',
						name: 'name',
						type: 'string',
						default: '',
						description: keyDescription,
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	};
}

/**
 * The customer parameters of Create, Upsert and the bulk operations. `routeRequired` for
 * registration, where SATORI requires the acquisition route.
 */
export function customerWriteProperties(routeRequired: boolean): INodeProperties[] {
	return [
		{
			displayName: 'Collection Route (情報獲得経路)',
			name: 'collectionRoute',
			type: 'string',
			default: '',
			required: routeRequired,
			placeholder: 'n8n',
			description: routeRequired
				? 'Where the customer came from. Required for new customers; scenario triggers can match it exactly.'
				: 'Where the customer came from. Needed when the customer is new; scenario triggers can match it exactly.',
		},
		{
			displayName: 'Customer Fields',
			name: 'customerFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: customerFieldOptions,
		},
		keyValueList(
			'Custom Items (カスタマーカスタム項目)',
			'customItems',
			'Custom Item',
			'The parameter name set for the custom item in the SATORI admin screen, e.g. custom_situation (sent as custom:<name>). The item must exist there first.',
		),
		keyValueList(
			'Other Items',
			'otherItems',
			'Item',
			'A standard item by its SATORI parameter name, for items without a field above (department, job title, postal code, …)',
		),
	];
}

/** One customer as SATORI names its items (email, last_name, custom:<name>, …), empty values left out. */
export interface CustomerRecord {
	identityType: IdentityType;
	identity: string;
	/** Item name → value, identity first. */
	items: Record<string, string>;
}

const PARAMETER_NAME = /^[A-Za-z0-9_-]+$/;
const IDENTITY_ITEMS = new Set(['email', 'hashcode', 'identity_type']);

function tagList(value: unknown): string {
	return String(value)
		.split(',')
		.map((tag) => tag.trim())
		.filter(Boolean)
		.join(',');
}

/** Reads and checks one item's customer parameters before anything is sent. */
export function customerRecord(
	context: IExecuteFunctions,
	itemIndex: number,
	routeRequired: boolean,
): CustomerRecord {
	const fail = (message: string, description?: string) =>
		new NodeOperationError(context.getNode(), message, { itemIndex, description });
	const { identityType, value } = identityOf(context, itemIndex);
	const items: Record<string, string> = { [identityType]: value };

	const route = String(context.getNodeParameter('collectionRoute', itemIndex, '') ?? '').trim();
	if (route) items.collection_route = route;
	else if (routeRequired) throw fail('"Collection Route" is required');

	const fields = context.getNodeParameter('customerFields', itemIndex, {}) as IDataObject;
	for (const option of customerFieldOptions) {
		const raw = fields[option.name];
		if (raw === undefined || raw === null || raw === '') continue;
		let text: string;
		if (option.name === 'collection_date') {
			text = satoriTime(context, raw, 'Collection Date', 'date', itemIndex);
		} else if (option.name === 'append_tags' || option.name === 'delete_tags') {
			text = tagList(raw);
		} else {
			text = String(raw);
		}
		if (text !== '') items[option.name] = text;
	}

	const lists: Array<[string, string, (name: string) => string]> = [
		['customItems', 'Custom Items', (name) => `custom:${name.replace(/^custom:/, '')}`],
		['otherItems', 'Other Items', (name) => name],
	];
	for (const [parameter, label, itemName] of lists) {
		const entries =
			(context.getNodeParameter(parameter, itemIndex, {}) as { item?: IDataObject[] }).item ?? [];
		for (const entry of entries) {
			const name = String(entry.name ?? '').trim();
			const bare = name.replace(/^custom:/, '');
			if (!PARAMETER_NAME.test(bare)) {
				throw fail(
					`"${label}" has an invalid parameter name: ${JSON.stringify(name)}`,
					'Use the ASCII parameter name from the SATORI admin screen (letters, digits, _ and -).',
				);
			}
			if (parameter === 'otherItems' && IDENTITY_ITEMS.has(bare)) {
				throw fail(`"${label}" cannot set ${bare}; use "Identify Customer By"`);
			}
			const text = entry.value === undefined || entry.value === null ? '' : String(entry.value);
			if (text !== '') items[itemName(bare)] = text;
		}
	}
	return { identityType, identity: value, items };
}

/** The urlencoded fields of a single-customer call: customer[identity_type], customer[email], … */
export function customerForm(record: CustomerRecord): IDataObject {
	const form: IDataObject = { 'customer[identity_type]': record.identityType };
	for (const [name, value] of Object.entries(record.items)) form[`customer[${name}]`] = value;
	return form;
}
