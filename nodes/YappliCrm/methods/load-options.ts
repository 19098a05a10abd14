import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { yappliMember, yappliPage } from '../transport/request';
import { customFieldNames, fieldText } from '../transport/shapes';
import { lacksCredential, setCredentialFirst } from './credential';

const COLUMNS = Array.from({ length: 50 }, (_, i) => `column${String(i + 1).padStart(2, '0')}`);
/** Members read for sample values (one page at Yappli's default page size). */
const SAMPLE_SIZE = 50;
const SHOWN_VALUE_LENGTH = 30;

const shown = (text: string) =>
	text.length > SHOWN_VALUE_LENGTH ? `${text.slice(0, SHOWN_VALUE_LENGTH - 1)}…` : text;

/** The member with the most custom fields filled in: the best one to read key names off. */
function fullest(members: IDataObject[]): IDataObject | undefined {
	const filled = (member: IDataObject) => COLUMNS.filter((c) => fieldText(member[c])).length;
	return members.reduce<IDataObject | undefined>(
		(best, member) => (!best || filled(member) > filled(best) ? member : best),
		undefined,
	);
}

/**
 * Which column each admin key name belongs to. There is no settings endpoint: the same member is
 * read as columnNN (the list) and with `with_column_key` (the detail), where a column with a key
 * name appears under the key instead. A key is placed on the one renamed column holding the same
 * value; a key whose value is empty or shared cannot be placed and is offered by its own name
 * (Yappli accepts key names on writes), so a wrong pairing is never guessed.
 */
function placeKeys(plain: IDataObject, keyed: IDataObject) {
	const renamed = COLUMNS.filter((column) => !(column in keyed));
	const keyOf = new Map<string, string>();
	const unplaced: string[] = [];
	for (const key of customFieldNames(keyed).filter((name) => !COLUMNS.includes(name))) {
		const value = fieldText(keyed[key]);
		const candidates = value ? renamed.filter((column) => fieldText(plain[column]) === value) : [];
		if (candidates.length === 1 && !keyOf.has(candidates[0])) keyOf.set(candidates[0], key);
		else unplaced.push(key);
	}
	return { keyOf, unplaced };
}

export const loadOptions = {
	/**
	 * The custom columns column01–column50, labelled with the key name an admin gave each (read
	 * with `with_column_key`) or a sample value from the first members, used ones first. The
	 * value stays columnNN, which writes accept as well as key names.
	 */
	async getCustomColumns(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		if (lacksCredential(this)) {
			return [
				{ name: setCredentialFirst('see key names and sample values'), value: '' },
				...COLUMNS.map((column) => ({ name: column, value: column })),
			];
		}
		const { records } = await yappliPage(
			this,
			{ path: '/users', listKey: 'members', perPage: SAMPLE_SIZE },
			1,
		);
		const sample = fullest(records);
		const keyed = sample
			? await yappliMember(this, 'GET', `/users/${encodeURIComponent(fieldText(sample.id))}`, {
					qs: { with_column_key: true },
				})
			: {};
		const { keyOf, unplaced } = placeKeys(sample ?? {}, keyed);
		const example = (column: string) =>
			records.map((member) => fieldText(member[column])).find(Boolean) ?? '';

		const used: INodePropertyOptions[] = [];
		const empty: INodePropertyOptions[] = [];
		for (const column of COLUMNS) {
			const key = keyOf.get(column);
			const value = example(column);
			if (key) {
				used.push({
					name: `${key} (${column})`,
					value: column,
					...(value ? { description: `e.g. ${shown(value)}` } : {}),
				});
			} else if (value) {
				used.push({ name: `${column} (e.g. ${shown(value)})`, value: column });
			} else {
				empty.push({
					name: `${column} (empty in the ${records.length} members sampled)`,
					value: column,
				});
			}
		}
		const keyNames = unplaced.map((key) => ({
			name: `${key} (key name)`,
			value: key,
			description: 'A key name set in the Yappli CRM admin screen',
		}));
		return [...used, ...keyNames, ...empty];
	},
};
