import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { cyzenRequest } from '../transport';

/** Every report format (報告書定義, `GET /report_definitions`, paged by `next_report_definition_id`). */
export async function loadReportDefinitions(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const options: INodePropertyOptions[] = [{ name: '(Every Report Format)', value: '' }];
	for (let next: IDataObject = {}; ; ) {
		const body = await cyzenRequest<IDataObject>(this, {
			method: 'GET',
			path: '/report_definitions',
			qs: next,
		});
		const definitions = (body.report_definitions ?? []) as IDataObject[];
		for (const d of definitions) {
			options.push({
				name: String(d.report_definition_name),
				value: String(d.report_definition_id),
			});
		}
		if (!body.next_report_definition_id) return options;
		next = { next_report_definition_id: body.next_report_definition_id };
	}
}
