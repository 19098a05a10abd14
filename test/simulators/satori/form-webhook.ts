import { request } from 'undici';

/**
 * The webhook settings of one SATORI form (spec §11; vendor Webhook article): where to POST on
 * submission, the request headers, and the JSON body, whose string values may name form items
 * as `{{item}}`. SATORI lets users write the body freely; the placeholder syntax here is ours
 * [proposed], the shape (a JSON object of the form's values, chosen headers) is the vendor's.
 */
export interface FormWebhookSettings {
	url: string;
	headers?: Record<string, string>;
	body: Record<string, unknown>;
}

export interface WebhookDelivery {
	at: string;
	status: number | 'failed';
	request: Record<string, unknown>;
	response: string;
}

function fill(template: unknown, values: Record<string, string>): unknown {
	if (typeof template === 'string') {
		return template.replace(/\{\{\s*([^}\s]+)\s*\}\}/g, (_, name: string) => values[name] ?? '');
	}
	if (Array.isArray(template)) return template.map((entry) => fill(entry, values));
	if (template && typeof template === 'object') {
		return Object.fromEntries(
			Object.entries(template).map(([key, entry]) => [key, fill(entry, values)]),
		);
	}
	return template;
}

/**
 * Sends what SATORI sends when someone submits the form: one JSON POST per submission with the
 * configured headers. Keeps a send history as SATORI's Webhook履歴 does.
 */
export class SatoriFormWebhook {
	readonly history: WebhookDelivery[] = [];

	constructor(private readonly settings: FormWebhookSettings) {}

	/** Posts one submission; status 0 when nothing answered (the history says why). */
	async submit(values: Record<string, string>): Promise<{ status: number; text: string }> {
		const body = fill(this.settings.body, values) as Record<string, unknown>;
		const at = new Date().toISOString();
		try {
			const response = await request(this.settings.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...this.settings.headers },
				body: JSON.stringify(body),
			});
			const text = await response.body.text();
			this.history.push({ at, status: response.statusCode, request: body, response: text });
			return { status: response.statusCode, text };
		} catch (error) {
			this.history.push({ at, status: 'failed', request: body, response: String(error) });
			return { status: 0, text: String(error) };
		}
	}
}

/** A body template as a SATORI user would set it for a contact form. */
export const CONTACT_FORM_BODY = {
	email: '{{email}}',
	last_name: '{{last_name}}',
	first_name: '{{first_name}}',
	company: '{{company}}',
	phone: '{{phone}}',
	inquiry: '{{inquiry}}',
	form: 'お問い合わせフォーム',
};
