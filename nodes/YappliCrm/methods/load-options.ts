import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { yappliRequest } from '../transport/request';
import { unwrapMember } from '../transport/shapes';

const STANDARD_FIELDS = new Set([
	'id',
	'unique_id',
	'login_id',
	'rank',
	'secret_quetion',
	'secret_question',
	'secret_answer',
	'point',
	'total_point',
	'logined',
	'enabled',
	'memo',
	'point_geted_at',
	'point_used_at',
	'point_expired_at',
	'point_expired_point',
	'logined_at',
	'created_at',
	'updated_at',
	'external_ids',
]);

export const loadOptions = {
	/**
	 * column01–column50, plus the key names an admin gave columns, read off one member fetched
	 * with with_column_key (there is no settings endpoint). Both forms are accepted on writes.
	 */
	async getCustomColumns(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const columns: INodePropertyOptions[] = Array.from({ length: 50 }, (_, i) => {
			const name = `column${String(i + 1).padStart(2, '0')}`;
			return { name, value: name };
		});
		const body = await yappliRequest<IDataObject>(this, 'GET', '/users', {
			qs: { page: 1, per_page: 1, with_column_key: true },
		});
		const first = Array.isArray(body.members) ? unwrapMember(body.members[0]) : {};
		const named = Object.keys(first)
			.filter((key) => !STANDARD_FIELDS.has(key) && !/^column\d{2}$/.test(key))
			.map((key) => ({ name: `${key} (key name)`, value: key }));
		return [...named.sort((a, b) => a.name.localeCompare(b.name)), ...columns];
	},
};
