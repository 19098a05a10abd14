import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { isResourceLocatorValue } from 'n8n-workflow';

import type { FieldCollection, ItemParameters } from './types';

/** A resource locator's chosen value; any other value (an old plain ID included) as it is. */
export function locatorValue(value: unknown): unknown {
	return isResourceLocatorValue(value) ? value.value : value;
}

/**
 * One item's parameters. Every n8n parameter read evaluates its expressions (a collection's all
 * at once) and is most of a bulk run's CPU, so each is read once per item: reading Additional
 * Fields once per field it holds would repeat that work for every field.
 */
export function itemParameters(context: IExecuteFunctions, itemIndex: number): ItemParameters {
	const collections = new Map<FieldCollection, IDataObject>();
	return {
		context,
		itemIndex,
		value(name: string, collection?: FieldCollection): unknown {
			if (!collection) return locatorValue(context.getNodeParameter(name, itemIndex, undefined));
			let values = collections.get(collection);
			if (!values) {
				values = context.getNodeParameter(collection, itemIndex, {}) as IDataObject;
				collections.set(collection, values);
			}
			return locatorValue(values[name]);
		},
	};
}
