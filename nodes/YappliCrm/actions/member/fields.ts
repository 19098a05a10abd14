import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { yappliTime } from '../common';

/**
 * Member fields writable through POST/PUT /api/ext/users (顧客登録・更新). There are no fixed
 * name or email fields: such data lives in the custom columns column01–column50 (or the key
 * names an admin gave them), set one by one under Custom Fields.
 */
export function memberFieldProperties(
	collection: 'additionalFields' | 'updateFields',
): INodeProperties[] {
	return [
		{
			displayName: collection === 'additionalFields' ? 'Additional Fields' : 'Update Fields',
			name: collection,
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Enabled',
					name: 'enabled',
					type: 'options',
					options: [
						{ name: 'Disabled (0)', value: 0 },
						{ name: 'Enabled (1)', value: 1 },
					],
					default: 1,
				},
				{
					displayName: 'Last Login At',
					name: 'logined_at',
					type: 'dateTime',
					default: '',
					description: 'Sent in Japan time as YYYY-MM-DD HH:MM:SS',
				},
				{
					displayName: 'Logged In',
					name: 'logined',
					type: 'options',
					options: [
						{ name: 'Logged In (1)', value: 1 },
						{ name: 'Never Logged In (0)', value: 0 },
					],
					default: 0,
					description: '"Logged In (1)" needs Last Login At',
				},
				{ displayName: 'Login ID', name: 'login_id', type: 'string', default: '' },
				{
					displayName: 'Password',
					name: 'password',
					type: 'string',
					typeOptions: { password: true },
					default: '',
					description:
						'At least 4 characters. Without login ID and password the member cannot log in to the app.',
				},
				{
					displayName: 'Rank',
					name: 'rank',
					type: 'string',
					default: '',
					description:
						'Settable only while the rank feature is disabled in the Yappli CRM admin screen',
				},
				{
					displayName: 'Secret Answer',
					name: 'secret_answer',
					type: 'string',
					typeOptions: { password: true },
					default: '',
				},
				{
					displayName: 'Secret Question',
					name: 'secret_question',
					type: 'string',
					typeOptions: { password: true },
					default: '',
				},
				{
					displayName: 'Unique ID',
					name: 'unique_id',
					type: 'string',
					default: '',
					description: "Your own system's ID for the member",
				},
			],
		},
		{
			displayName: 'Custom Fields',
			name: 'customFields',
			type: 'fixedCollection',
			placeholder: 'Add Custom Field',
			typeOptions: { multipleValues: true },
			default: {},
			options: [
				{
					displayName: 'Field',
					name: 'field',
					values: [
						{
							displayName: 'Column Name or ID',
							name: 'column',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getCustomColumns' },
							default: '',
							description:
								'A custom column (column01–column50) or the key name an admin gave it. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
						},
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
	];
}

/** What usually makes Yappli refuse a member create or update with a bare 400. */
export const MEMBER_WRITE_CAUSES = [
	'Rank is set while the rank feature (ランク利用) is on in the admin screen (rank is writable only while it is off)',
	'Unique ID or Login ID already used by another member',
	'a custom field named neither column01–column50 nor a key name set in the admin screen',
	'Last Login At not accepted (sent as YYYY-MM-DD HH:MM:SS, Japan time)',
];

/**
 * The JSON body for create/update, validated as the tutorial states before anything is sent:
 * password ≥ 4 characters, logined=1 needs logined_at, unique_id/login_id not empty if given.
 */
export function memberBody(
	context: IExecuteFunctions,
	collection: 'additionalFields' | 'updateFields',
	itemIndex: number,
): IDataObject {
	const fields = { ...(context.getNodeParameter(collection, itemIndex, {}) as IDataObject) };
	const fail = (field: string, message: string) =>
		new NodeOperationError(context.getNode(), `"${field}" ${message}`, { itemIndex });
	const body: IDataObject = {};

	for (const key of ['unique_id', 'login_id', 'rank'] as const) {
		if (fields[key] === undefined) continue;
		const value = String(fields[key]);
		if (value.length < 1)
			throw fail(
				{ unique_id: 'Unique ID', login_id: 'Login ID', rank: 'Rank' }[key],
				'must not be empty',
			);
		body[key] = value;
	}
	if (fields.password !== undefined) {
		const password = String(fields.password);
		if (password.length < 4) throw fail('Password', 'must be at least 4 characters');
		body.password = password;
	}
	for (const key of ['secret_question', 'secret_answer'] as const) {
		if (fields[key] !== undefined && fields[key] !== '') body[key] = String(fields[key]);
	}
	for (const key of ['logined', 'enabled'] as const) {
		if (fields[key] === undefined || fields[key] === '') continue;
		const flag = Number(fields[key]);
		if (flag !== 0 && flag !== 1)
			throw fail(key === 'logined' ? 'Logged In' : 'Enabled', 'must be 0 or 1');
		body[key] = flag;
	}
	if (fields.logined_at !== undefined && fields.logined_at !== '') {
		body.logined_at = yappliTime(
			context,
			fields.logined_at,
			'Last Login At',
			'dateTime',
			itemIndex,
		);
	}
	if (body.logined === 1 && body.logined_at === undefined) {
		throw fail('Last Login At', 'is required when "Logged In" is 1');
	}

	const custom =
		(
			context.getNodeParameter('customFields', itemIndex, {}) as {
				field?: Array<{ column: string; value: unknown }>;
			}
		).field ?? [];
	for (const { column, value } of custom) {
		if (!column) throw fail('Column', 'must be chosen for every custom field');
		body[column] = value === null || value === undefined ? '' : String(value);
	}
	return body;
}
