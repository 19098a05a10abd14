import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { explainingMissingCredential, locatorValue } from '@japan-saas/shared/engine';
import { collect, pageNumberWithTotal, vendorRequest } from '@japan-saas/shared/transport';

import { fetchDealTypes } from '../transport/deal-types';
import { mazricaConnection } from '../transport/profile';
import { dealTypeChoice } from './deal-type-choice';

type Named = {
	id?: number | string;
	key?: string;
	itemKey?: string;
	name?: string;
	label?: string;
};

async function get(
	context: ILoadOptionsFunctions,
	path: string,
	qs?: IDataObject,
): Promise<IDataObject> {
	return (await vendorRequest.call(context, mazricaConnection, {
		method: 'GET',
		path,
		qs,
	})) as IDataObject;
}

/** Every page of a settings-style list, for dropdowns (teams have at most a few hundred users or roles). */
async function listAll(
	context: ILoadOptionsFunctions,
	path: string,
	listKey: string,
): Promise<Named[]> {
	return await collect(
		pageNumberWithTotal(async (page) => {
			const body = await get(context, path, { page });
			return {
				items: (body[listKey] as Named[] | undefined) ?? [],
				totalCount: body.totalCount as number,
			};
		}, 100),
		{ returnAll: true },
	);
}

/** Options named after the entries; people and definitions sorted by name, others as the vendor orders them. */
function toOptions(
	entries: Named[],
	{
		value = (e) => e.id,
		sorted = false,
	}: { value?: (entry: Named) => string | number | undefined; sorted?: boolean } = {},
): INodePropertyOptions[] {
	const options: INodePropertyOptions[] = [];
	for (const entry of entries) {
		const v = value(entry);
		if (v === undefined || v === null) continue;
		options.push({ name: `${entry.name ?? entry.label ?? v}`, value: v });
	}
	return sorted ? options.sort((a, b) => a.name.localeCompare(b.name, 'ja')) : options;
}

/** Shown as the one choice of a dropdown whose parent is not chosen yet. */
const chooseFirst = (what: string): INodePropertyOptions[] => [
	{ name: `Choose ${what} first`, value: '' },
];

/** The settings of the chosen deal type, or of every deal type when the operation has no such field. */
async function dealTypeSettings(context: ILoadOptionsFunctions): Promise<IDataObject[]> {
	const { id } = dealTypeChoice(context);
	const ids = id !== undefined ? [id] : (await fetchDealTypes(context)).map((t) => t.id as number);
	const settings: IDataObject[] = [];
	for (const each of ids) settings.push(await get(context, `/deal_setting/deal_types/${each}`));
	return settings;
}

/**
 * One list of the deal-type settings (phases, products …) in the vendor's own order (a pipeline
 * is read top to bottom). Across several deal types a name used by more than one says which:
 * 受注（新規開拓）. With a deal type field on the form still empty, it asks for the deal type.
 */
async function fromDealTypeSettings(
	context: ILoadOptionsFunctions,
	key: string,
): Promise<INodePropertyOptions[]> {
	const choice = dealTypeChoice(context);
	if (choice.id === undefined && choice.onForm) return chooseFirst('a deal type');
	const rows: Array<{ entry: Named; dealType: string }> = [];
	const seen = new Set<string | number>();
	for (const settings of await dealTypeSettings(context)) {
		for (const entry of (settings[key] as Named[] | undefined) ?? []) {
			if (entry.id === undefined || seen.has(entry.id)) continue;
			seen.add(entry.id);
			rows.push({ entry, dealType: String(settings.name ?? settings.id) });
		}
	}
	const typesPerName = new Map<string, Set<string>>();
	for (const { entry, dealType } of rows) {
		const name = String(entry.name ?? entry.id);
		typesPerName.set(name, new Set([...(typesPerName.get(name) ?? []), dealType]));
	}
	return rows.map(({ entry, dealType }) => {
		const name = String(entry.name ?? entry.id);
		const ambiguous = (typesPerName.get(name)?.size ?? 0) > 1;
		return {
			name: ambiguous ? `${name}（${dealType}）` : name,
			value: entry.id as string | number,
		};
	});
}

/** The custom object definition chosen in this node, if any. */
export function chosenDefinition(context: ILoadOptionsFunctions): string | undefined {
	const key = locatorValue(context.getCurrentNodeParameter('custom_object_def_key'));
	return typeof key === 'string' && key !== '' ? key : undefined;
}

export const loadOptions = explainingMissingCredential(
	mazricaConnection,
	(notice): INodePropertyOptions[] => [{ name: notice, value: '' }],
	{
		async getUsers(this: ILoadOptionsFunctions) {
			return toOptions(await listAll(this, '/users', 'users'), { sorted: true });
		},
		async getRoles(this: ILoadOptionsFunctions) {
			return toOptions(await listAll(this, '/roles', 'roles'), { sorted: true });
		},
		async getPhases(this: ILoadOptionsFunctions) {
			return await fromDealTypeSettings(this, 'phases');
		},
		async getProducts(this: ILoadOptionsFunctions) {
			return await fromDealTypeSettings(this, 'products');
		},
		async getProbabilities(this: ILoadOptionsFunctions) {
			return await fromDealTypeSettings(this, 'probabilities');
		},
		async getChannels(this: ILoadOptionsFunctions) {
			return await fromDealTypeSettings(this, 'channels');
		},
		async getEndPhaseReasons(this: ILoadOptionsFunctions) {
			return await fromDealTypeSettings(this, 'endPhaseReasons');
		},
		async getActionPurposes(this: ILoadOptionsFunctions) {
			return await fromDealTypeSettings(this, 'actionsPurposes');
		},
		/** [proposed] No endpoint lists action patterns; purposes carry theirs (spec §9), so collect those. */
		async getActionPatterns(this: ILoadOptionsFunctions) {
			const patterns = new Map<string | number, Named>();
			for (const settings of await dealTypeSettings(this)) {
				for (const purpose of (settings.actionsPurposes as
					| Array<Named & { pattern?: Named }>
					| undefined) ?? []) {
					if (purpose.pattern?.id !== undefined) patterns.set(purpose.pattern.id, purpose.pattern);
				}
			}
			return toOptions([...patterns.values()], { sorted: true });
		},
		async getCustomObjectDefinitions(this: ILoadOptionsFunctions) {
			return toOptions(await listAll(this, '/custom_object_defs', 'customObjectDefs'), {
				value: (e) => e.key,
				sorted: true,
			});
		},
		async getActionCustomItems(this: ILoadOptionsFunctions) {
			const body = await get(this, '/action_setting');
			return toOptions((body.actionCustomItems as Named[] | undefined) ?? [], {
				value: (e) => e.itemKey ?? e.key,
			});
		},
		async getCustomObjectFields(this: ILoadOptionsFunctions) {
			const key = chosenDefinition(this);
			if (!key) return chooseFirst('a custom object definition');
			const body = await get(this, `/custom_object_defs/${encodeURIComponent(key)}`);
			const fields = (body.customObjectItemDefs ?? body.itemDefs ?? []) as Named[];
			return toOptions(fields, { value: (e) => e.key ?? e.itemKey });
		},
	},
);
