import type { IDataObject } from 'n8n-workflow';

import { isEmpty } from './encode-field';

/**
 * A body as `application/x-www-form-urlencoded` fields: empty values left out (an empty field
 * may clear a value or fail validation), several ids as one comma-separated field, objects as a
 * JSON string (e.g. cyzen's `extend_data`), everything else as text.
 */
export function formFields(body: IDataObject): IDataObject {
	const fields: IDataObject = {};
	for (const [key, value] of Object.entries(body)) {
		if (isEmpty(value)) continue;
		if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null))
			fields[key] = value.join(',');
		else if (typeof value === 'object') fields[key] = JSON.stringify(value);
		else fields[key] = String(value);
	}
	return fields;
}
