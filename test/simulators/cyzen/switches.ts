import { z } from 'zod';

/**
 * Behaviours the public evidence leaves open or that differ per tenant, as live switches. Tests
 * set them on `sim.switches`; processes outside the test POST them to `/__admin/cyzen/switches`.
 * `POST /__admin/reset` restores the constructor's values.
 */
export const switchesSchema = z
	.object({
		/** Serve the PROPOSED paths of spec §10 (on by default); off, they answer 404/40400. */
		proposedPaths: z.boolean(),
		/** HTTP status of a throttled request: 503 today, 429 announced ([public code] PC2). */
		throttleStatus: z.union([z.literal(503), z.literal(429)]),
		/** Token bucket per access token: 5 requests/s [vendor doc], burst 5 [proposed]; false = off. */
		rateLimit: z.union([
			z.literal(false),
			z.object({ ratePerSecond: z.number().positive(), burst: z.number().int().positive() }),
		]),
		/**
		 * `GET /users` `field` parameter per tenant ([public code] PC2, PC3): 'lowercase-only' —
		 * `field=all` adds `user_tags`, any other value is 400/40000 `invalid parameter field.`;
		 * 'any-case' — `all`, `ALL`, `All` all work; 'rejected' — every `field` value is a 400.
		 */
		userField: z.enum(['lowercase-only', 'any-case', 'rejected']),
		/**
		 * `POST /spots` with a `spot_code` another spot holds (ignoring case): 'reject' answers
		 * 400/40000 [proposed]; 'upsert' updates that spot as the UI's bulk import does [vendor doc].
		 */
		spotCodeConflict: z.enum(['reject', 'upsert']),
		/** The `/histories` cursor: the 2023-12 reference's name (PC2) or the 2018 one (PC1). */
		historyCursor: z.enum(['next_history_created_at', 'next_history_id']),
		/** Stamps and trackings older than this many days are never returned ("14日以上前は不可"). */
		historyRetentionDays: z.number().int().min(0),
		/** UTC days (`YYYY-MM-DD`) on which `GET /schedules` answers 500 when its window touches them. */
		badScheduleDays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
		/** `GET /reports` `report_definition_id`: 'ignored' as observed ([public code]); 'applied' filters. */
		reportDefinitionFilter: z.enum(['ignored', 'applied']),
		/**
		 * Which time `GET /schedules` `from_date`/`to_date` select on: 'start_date' [proposed reading]
		 * or 'updated_at' (the other reading; the reference is not public).
		 */
		scheduleWindowOn: z.enum(['start_date', 'updated_at']),
	})
	.strict();

export type CyzenSwitches = z.infer<typeof switchesSchema>;

export const DEFAULT_SWITCHES: CyzenSwitches = {
	proposedPaths: true,
	throttleStatus: 503,
	rateLimit: { ratePerSecond: 5, burst: 5 },
	userField: 'lowercase-only',
	spotCodeConflict: 'reject',
	historyCursor: 'next_history_created_at',
	historyRetentionDays: 14,
	badScheduleDays: [],
	reportDefinitionFilter: 'ignored',
	scheduleWindowOn: 'start_date',
};

/** Validates a partial change (e.g. from the admin API); throws a readable error on a bad one. */
export function parseSwitchChange(input: unknown): Partial<CyzenSwitches> {
	const parsed = switchesSchema.partial().safeParse(input);
	if (!parsed.success)
		throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
	return parsed.data;
}
