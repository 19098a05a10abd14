import type {
	FieldType,
	IDataObject,
	ILoadOptionsFunctions,
	INodePropertyOptions,
	ResourceMapperField,
	ResourceMapperFields,
} from 'n8n-workflow';

import { explainingMissingCredential } from '@japan-saas/shared/engine';
import { vendorRequest } from '@japan-saas/shared/transport';

import { fetchDealTypes } from '../transport/deal-types';
import { dealTypeChoice } from './deal-type-choice';
import { chosenDefinition } from './load-options';
import { mazricaConnection } from '../transport/profile';

/**
 * [proposed] The reference collapses custom item definitions. We read the shape the
 * action-custom-item endpoints document ({ itemKey, name, itemType, …Options }) and accept `key`
 * (custom-object fields) and any `*Options`, `*OptionDefs` or `options` array for choices.
 */
interface CustomItemDefinition {
	itemKey?: string;
	key?: string;
	name?: string;
	itemType?: string;
	required?: boolean;
	[optionsKey: string]: unknown;
}

const TYPES: Record<string, FieldType> = {
	text: 'string',
	textarea: 'string',
	number: 'number',
	decimal_number: 'string',
	date: 'dateTime',
	datetime: 'dateTime',
	single_select: 'options',
	multi_select: 'array',
	checkbox: 'boolean',
};

function choices(definition: CustomItemDefinition): INodePropertyOptions[] | undefined {
	const list = Object.entries(definition).find(
		([key, value]) => /options?(defs)?$/i.test(key) && Array.isArray(value),
	)?.[1] as
		| Array<{ key?: string; itemKey?: string; id?: number; name?: string; value?: string }>
		| undefined;
	if (!list?.length) return undefined;
	return list.map((option) => {
		const value = option.key ?? option.itemKey ?? option.value ?? option.id ?? option.name ?? '';
		return { name: String(option.name ?? value), value: value as string | number };
	});
}

export function toMapperFields(definitions: CustomItemDefinition[]): ResourceMapperFields {
	const fields: ResourceMapperField[] = [];
	for (const definition of definitions) {
		const id = definition.itemKey ?? definition.key;
		if (!id) continue;
		const options = choices(definition);
		const type = TYPES[definition.itemType ?? 'text'] ?? 'string';
		fields.push({
			id,
			displayName: `${definition.name ?? id} (${id})`,
			required: definition.required === true,
			defaultMatch: false,
			display: true,
			type: type === 'options' && !options ? 'string' : type,
			...(options && type === 'options' ? { options } : {}),
		});
	}
	return { fields };
}

async function get(context: ILoadOptionsFunctions, path: string): Promise<IDataObject> {
	return (await vendorRequest.call(context, mazricaConnection, {
		method: 'GET',
		path,
	})) as IDataObject;
}

async function definitionsAt(
	context: ILoadOptionsFunctions,
	path: string,
	key: string,
): Promise<ResourceMapperFields> {
	const body = await get(context, path);
	return toMapperFields((body[key] as CustomItemDefinition[] | undefined) ?? []);
}

export const resourceMapping = explainingMissingCredential(
	mazricaConnection,
	(notice): ResourceMapperFields => ({ fields: [], emptyFieldsNotice: notice }),
	{
		async getCustomerCustomItems(this: ILoadOptionsFunctions) {
			return await definitionsAt(this, '/customer_setting', 'customerCustomItems');
		},
		async getContactCustomItems(this: ILoadOptionsFunctions) {
			return await definitionsAt(this, '/contact_setting', 'contactCustomItems');
		},
		async getActionCustomItems(this: ILoadOptionsFunctions) {
			return await definitionsAt(this, '/action_setting', 'actionCustomItems');
		},
		/** Deal custom items belong to a deal type: the chosen one, or all of them. */
		async getDealCustomItems(this: ILoadOptionsFunctions) {
			const choice = dealTypeChoice(this);
			if (choice.id === undefined && choice.onForm)
				return { fields: [], emptyFieldsNotice: 'Choose a deal type first' };
			const ids =
				choice.id !== undefined
					? [choice.id]
					: (await fetchDealTypes(this))
							.map((t) => t.id)
							.filter((id): id is number => typeof id === 'number');
			const merged = new Map<string, CustomItemDefinition>();
			for (const id of ids) {
				const settings = await get(this, `/deal_setting/deal_types/${id}`);
				for (const item of (settings.dealCustomItems as CustomItemDefinition[] | undefined) ?? []) {
					const key = item.itemKey ?? item.key;
					if (key && !merged.has(key)) merged.set(key, item);
				}
			}
			return toMapperFields([...merged.values()]);
		},
		async getCustomObjectRecordFields(this: ILoadOptionsFunctions) {
			const key = chosenDefinition(this);
			if (!key) return { fields: [], emptyFieldsNotice: 'Choose a custom object definition first' };
			const body = await get(this, `/custom_object_defs/${encodeURIComponent(key)}`);
			return toMapperFields(
				((body.customObjectItemDefs ?? body.itemDefs) as CustomItemDefinition[] | undefined) ?? [],
			);
		},
	},
);
