import { request } from 'undici';

import type { Fault, RecordedRequest } from './simulator';

/** Drives a simulator's /__admin/ interface from another process (demo, e2e, benchmarks). */
export class SimulatorAdmin {
	constructor(protected readonly baseUrl: string) {}

	protected async call(
		method: 'GET' | 'POST' | 'DELETE',
		path: string,
		body?: unknown,
	): Promise<unknown> {
		const response = await request(`${this.baseUrl}/__admin/${path}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.body.text();
		if (response.statusCode >= 400)
			throw new Error(`admin ${method} ${path}: ${response.statusCode} ${text}`);
		return text ? JSON.parse(text) : undefined;
	}

	async inject(...faults: Fault[]): Promise<void> {
		await this.call('POST', 'faults', faults);
	}

	async clearFaults(): Promise<void> {
		await this.call('DELETE', 'faults');
	}

	async requests(): Promise<RecordedRequest[]> {
		return (await this.call('GET', 'requests')) as RecordedRequest[];
	}

	async clearRequests(): Promise<void> {
		await this.call('DELETE', 'requests');
	}

	async advanceClock(advanceMs: number): Promise<void> {
		await this.call('POST', 'clock', { advanceMs });
	}

	async reset(): Promise<void> {
		await this.call('POST', 'reset');
	}
}
