import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { formFields } from './trigger/form-fields';
import { isSameSecret } from './trigger/shared-secret';

/** [proposed] SATORI lets the form webhook send any header; this is the name we suggest. */
const DEFAULT_SECRET_HEADER = 'X-Satori-Secret';

export class SatoriTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SATORI Trigger',
		name: 'satoriTrigger',
		icon: { light: 'file:../../icons/satori.svg', dark: 'file:../../icons/satori.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'On form submission',
		description: "Starts the workflow on each SATORI form submission (SATORI's form webhook)",
		defaults: { name: 'SATORI Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// Without it n8n answers "onReceived" with the text "firstEntryJson"; empty gives its
				// {"message":"Workflow was started"}.
				responseData: '',
				path: 'satori',
			},
		],
		properties: [
			{
				// SATORI calls out for one event only; the dropdown names it in n8n's node panel.
				displayName: 'Trigger On',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Form Submission',
						value: 'formSubmission',
						action: 'On form submission',
						description: 'A SATORI form whose webhook is turned on is submitted',
					},
				],
				default: 'formSubmission',
			},
			{
				displayName:
					'In SATORI, open the form, turn on its webhook and paste the Production URL above. Add a request header with the name and secret below, and a JSON body with the form items you need. See the README for the steps.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Secret Header Name',
				name: 'headerName',
				type: 'string',
				default: DEFAULT_SECRET_HEADER,
				required: true,
				description: "The request header you add in the SATORI form's webhook settings",
			},
			{
				displayName: 'Secret',
				name: 'secret',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				required: true,
				description:
					'A long random value, set as the value of that header in SATORI. Requests without it are answered 401 and start nothing.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Include Headers',
						name: 'includeHeaders',
						type: 'boolean',
						default: false,
						description:
							'Whether to add the request headers (without the secret header) to the item as "headers"',
					},
				],
			},
		],
	};

	/**
	 * SATORI has no API for webhook settings: the user pastes the URL into the form by hand, so
	 * nothing is registered or removed. Activation only checks that a secret is set, since
	 * without one every request would be refused.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const headerName = String(this.getNodeParameter('headerName', '')).trim();
				const secret = String(this.getNodeParameter('secret', ''));
				if (!/^[A-Za-z0-9-]+$/.test(headerName)) {
					throw new NodeOperationError(
						this.getNode(),
						'"Secret Header Name" must be a header name such as X-Satori-Secret',
					);
				}
				if (secret.length < 16) {
					throw new NodeOperationError(this.getNode(), '"Secret" must be at least 16 characters', {
						description:
							'Use a long random value and set the same value for the header in the SATORI form webhook settings.',
					});
				}
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const headerName = String(this.getNodeParameter('headerName', DEFAULT_SECRET_HEADER))
			.trim()
			.toLowerCase();
		const secret = String(this.getNodeParameter('secret', ''));
		const headers = this.getHeaderData() as IDataObject;
		if (!isSameSecret(headers[headerName], secret)) {
			const response = this.getResponseObject();
			response.writeHead(401, { 'content-type': 'application/json; charset=utf-8' });
			response.end(JSON.stringify({ message: `Missing or wrong ${headerName} header` }));
			return { noWebhookResponse: true };
		}
		const request = this.getRequestObject() as unknown as { rawBody?: unknown };
		const fields = formFields(this.getBodyData(), request.rawBody);
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const json: IDataObject = options.includeHeaders
			? {
					...fields,
					headers: Object.fromEntries(
						Object.entries(headers).filter(([name]) => name.toLowerCase() !== headerName),
					),
				}
			: fields;
		return { workflowData: [this.helpers.returnJsonArray([json])] };
	}
}
