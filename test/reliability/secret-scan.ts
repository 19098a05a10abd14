import type { INodeProperties, IRun } from 'n8n-workflow';

import type { Fault } from '../kit/simulator';

import { captureN8nLogs, type CapturedLogs } from '../harness';
import { crypto } from '../platform/node';

/** A secret value a scan can recognise: a readable label plus random hex, e.g. `MAZRICA-KEY-3fa9…`. */
export function recognisable(label: string, bytes = 8): string {
	return `${label}-${crypto.randomBytes(bytes).toString('hex')}`;
}

/**
 * Watches for secret values in what a run leaves behind: its output items, the error (message,
 * description, context, response) and every line written to n8n's logger. The node definition
 * inside an error (`error.node`, which holds the workflow's own parameters) is skipped: the
 * workflow stores a password-typed parameter there by design, so it is not a leak of ours.
 * A secret is also looked for URL-encoded, the form it takes in a path.
 */
export class SecretWatch {
	private readonly logs: CapturedLogs = captureN8nLogs();
	private logsSeen = 0;
	/** The secrets looked for, by name, so a failure says which one leaked and where. Add tokens as they are issued. */
	readonly secrets: Record<string, string> = {};

	/**
	 * "<where>: <secret name>" for every secret found in `subject` — a node run (its outputs and
	 * error) or an error a trigger threw — or logged since the last call.
	 */
	leaks(subject?: IRun | Error): string[] {
		const places: Record<string, string> = {
			'n8n log': JSON.stringify(this.logs.lines.slice(this.logsSeen)),
		};
		if (subject) {
			const fields = subject instanceof Error ? errorFields(subject) : subject.data.resultData;
			places['output or error'] = JSON.stringify(fields, (key, value: unknown) =>
				key === 'node' ? undefined : value,
			);
		}
		this.logsSeen = this.logs.lines.length;
		const found: string[] = [];
		for (const [name, value] of Object.entries(this.secrets)) {
			if (!value) continue;
			const forms = new Set([value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]);
			for (const [where, text] of Object.entries(places)) {
				if ([...forms].some((form) => text.includes(form))) found.push(`${where}: ${name}`);
			}
		}
		return found;
	}

	/** How many log lines were captured so far (to prove the logs were actually watched). */
	get loggedLines(): number {
		return this.logs.lines.length;
	}

	stop(): void {
		this.logs.restore();
	}
}

/**
 * The parameter paths (`token`, `additionalFields.password`) of every password-typed parameter in
 * a node description, collections included: what a vendor profile's `secretParameters` must list.
 */
export function passwordParameterPaths(properties: INodeProperties[], prefix = ''): string[] {
	return properties.flatMap((property) => {
		const path = `${prefix}${property.name}`;
		if (property.typeOptions?.password) return [path];
		if (property.type !== 'collection' || !Array.isArray(property.options)) return [];
		return passwordParameterPaths(property.options as INodeProperties[], `${path}.`);
	});
}

/** An error's own fields and its message, description and stack, which JSON.stringify would skip. */
function errorFields(error: Error): Record<string, unknown> {
	return { ...error, message: error.message, stack: error.stack };
}

/** A SecretWatch for the whole test file: starts now, stops after the last test. */
export function watchSecrets(secrets: Record<string, string>): SecretWatch {
	const watch = new SecretWatch();
	Object.assign(watch.secrets, secrets);
	afterAll(() => watch.stop());
	return watch;
}

/** A vendor error text repeating the secrets a run holds, as a careless vendor might. */
export function echoing(...values: string[]): string {
	return `rejected: ${values.join(' ')}`;
}

/** Faults for `path`: one 503 (retried, which logs the request), then a 400 whose body is `body`. */
export function retriedThenEchoing(
	path: string,
	body: Record<string, string>,
	when?: Fault['when'],
): Fault[] {
	return [
		{ path, when, respond: { status: 503, body: { error: 'busy' } } },
		{ path, when, skip: 1, respond: { status: 400, body } },
	];
}
