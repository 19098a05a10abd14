import { request } from 'undici';

import type { SatoriSimulator } from './satori-simulator';

export interface Answer {
	http: number;
	body: { status?: number; message?: unknown; body?: Record<string, unknown> };
}

/** A plain HTTP client for the simulator's own tests: forms, multipart and queries by hand. */
export class SatoriTestClient {
	constructor(
		private readonly sim: SatoriSimulator,
		private readonly keys: Record<string, string> = {},
	) {}

	static keysFor(sim: SatoriSimulator, userIndex = 0): Record<string, string> {
		return sim.parametersOf(userIndex);
	}

	private async read(response: Awaited<ReturnType<typeof request>>): Promise<Answer> {
		const text = await response.body.text();
		return { http: response.statusCode, body: JSON.parse(text) as Answer['body'] };
	}

	async form(path: string, fields: Record<string, string>): Promise<Answer> {
		const response = await request(`${this.sim.url}${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ ...this.keys, ...fields }).toString(),
		});
		return await this.read(response);
	}

	async raw(path: string, contentType: string, body: Buffer | string): Promise<Answer> {
		const response = await request(`${this.sim.url}${path}`, {
			method: 'POST',
			headers: { 'content-type': contentType },
			body,
		});
		return await this.read(response);
	}

	/** A multipart POST; `file` is sent as part `customer_csv_file`. */
	async multipart(
		path: string,
		fields: Record<string, string>,
		file?: { bytes: Buffer | string; filename?: string },
	): Promise<Answer> {
		const boundary = 'simTestBoundary7d1f';
		const parts: Buffer[] = [];
		for (const [name, value] of Object.entries({ ...this.keys, ...fields })) {
			parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
		}
		if (file) {
			parts.push(
				Buffer.from(
					`--${boundary}\r\nContent-Disposition: form-data; name="customer_csv_file"; filename="${file.filename ?? 'customers.csv'}"\r\nContent-Type: text/csv\r\n\r\n`,
				),
				Buffer.isBuffer(file.bytes) ? file.bytes : Buffer.from(file.bytes),
				Buffer.from('\r\n'),
			);
		}
		parts.push(Buffer.from(`--${boundary}--\r\n`));
		return await this.raw(path, `multipart/form-data; boundary=${boundary}`, Buffer.concat(parts));
	}

	async get(path: string, query: Record<string, string>): Promise<Answer> {
		const url = new URL(`${this.sim.url}${path}`);
		for (const [key, value] of Object.entries({ ...this.keys, ...query })) url.searchParams.set(key, value);
		return await this.read(await request(url));
	}
}
