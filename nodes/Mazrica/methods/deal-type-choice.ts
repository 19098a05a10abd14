import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { locatorValue } from '@japan-saas/shared/engine';

/** Where a deal type sits in the operations whose dropdowns depend on it. */
const ON_FORM = ['dealType', 'updateFields.dealType'];
const BULK = 'bulk_dealTypeId';

export interface DealTypeChoice {
	/** The chosen deal type, if any. */
	id?: number;
	/** Whether the operation shows a deal type field (chosen or still empty). */
	onForm: boolean;
}

/** The deal type a dropdown depends on: a resource locator, a related `{ id }` or a plain id. */
export function dealTypeChoice(context: ILoadOptionsFunctions): DealTypeChoice {
	let onForm = false;
	for (const path of [...ON_FORM, BULK]) {
		const raw = context.getCurrentNodeParameter(path);
		if (raw !== undefined && ON_FORM.includes(path)) onForm = true;
		const value = locatorValue(raw);
		const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value;
		if (id !== undefined && id !== null && id !== '' && Number(id) > 0)
			return { id: Number(id), onForm };
	}
	return { onForm };
}
