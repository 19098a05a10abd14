import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { locatorValue } from '@japan-saas/shared/engine';
import { collect, pageNumberWithTotal, vendorRequest } from '@japan-saas/shared/transport';

import { fetchDealTypes } from '../transport/deal-types';
import { mazricaConnection } from '../transport/profile';

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

function toOptions(
	entries: Named[],
	value: (entry: Named) => string | number | undefined = (e) => e.id,
): INodePropertyOptions[] {
	const options: INodePropertyOptions[] = [];
	for (const entry of entries) {
		const v = value(entry);
		if (v === undefined || v === null) continue;
		options.push({ name: `${entry.name ?? entry.label ?? v}`, value: v });
	}
	return options.sort((a, b) => a.name.localeCompare(b.name, 'ja'));
}

/** Where the deal type sits in the operations whose dropdowns depend on it. */
const DEAL_TYPE_PARAMETERS = ['dealType', 'updateFields.dealType', 'bulk_dealTypeId'];

/** The deal type chosen in this node (a resource locator, a related `{ id }` or a plain id). */
export function chosenDealType(context: ILoadOptionsFunctions): number | undefined {
	for (const path of DEAL_TYPE_PARAMETERS) {
		const value = locatorValue(context.getCurrentNodeParameter(path));
		const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value;
		if (id !== undefined && id !== null && id !== '' && Number(id) > 0) return Number(id);
	}
	return undefined;
}

async function dealTypeSettings(context: ILoadOptionsFunctions): Promise<IDataObject[]> {
	const chosen = chosenDealType(context);
	const ids =
		chosen !== undefined ? [chosen] : (await fetchDealTypes(context)).map((t) => t.id as number);
	const settings: IDataObject[] = [];
	for (const id of ids) settings.push(await get(context, `/deal_setting/deal_types/${id}`));
	return settings;
}

/** Entries of one list across the chosen deal type's settings (or every deal type's, de-duplicated). */
async function fromDealTypeSettings(
	context: ILoadOptionsFunctions,
	key: string,
): Promise<INodePropertyOptions[]> {
	const seen = new Map<string | number, Named>();
	for (const settings of await dealTypeSettings(context)) {
		for (const entry of (settings[key] as Named[] | undefined) ?? []) {
			if (entry.id !== undefined && !seen.has(entry.id)) seen.set(entry.id, entry);
		}
	}
	return toOptions([...seen.values()]);
}

export const loadOptions = {
	async getUsers(this: ILoadOptionsFunctions) {
		return toOptions(await listAll(this, '/users', 'users'));
	},
	async getRoles(this: ILoadOptionsFunctions) {
		return toOptions(await listAll(this, '/roles', 'roles'));
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
		return toOptions([...patterns.values()]);
	},
	async getCustomObjectDefinitions(this: ILoadOptionsFunctions) {
		return toOptions(await listAll(this, '/custom_object_defs', 'customObjectDefs'), (e) => e.key);
	},
	async getActionCustomItems(this: ILoadOptionsFunctions) {
		const body = await get(this, '/action_setting');
		return toOptions(
			(body.actionCustomItems as Named[] | undefined) ?? [],
			(e) => e.itemKey ?? e.key,
		);
	},
	async getCustomObjectFields(this: ILoadOptionsFunctions) {
		const key = locatorValue(this.getCurrentNodeParameter('custom_object_def_key')) as
			| string
			| undefined;
		if (!key) return [];
		const body = await get(this, `/custom_object_defs/${encodeURIComponent(key)}`);
		const fields = (body.customObjectItemDefs ?? body.itemDefs ?? []) as Named[];
		return toOptions(fields, (e) => e.key ?? e.itemKey);
	},
};
