import { Dice } from '../../kit/random';
import { ReportItems } from './seed';
import type { CyzenStore } from './store';
import { formatUtc } from './time';
import type { HistoryRec, ItemValue, ReportRec, TrackingRec } from './types';

/** What the field staff's smartphone app does: the events a cyzen trigger must notice. */
export interface ReportInput {
	/** Default: the first active user. */
	userId?: string;
	/** Default: the first report definition (訪問報告). */
	reportDefinitionId?: string;
	spotId?: string;
	/** Item values by item name, over the generated ones. */
	items?: Record<string, ItemValue>;
}

export interface StampInput {
	userId?: string;
	/** A status name of the user's group, e.g. 訪問開始 (check-in). Default 訪問開始. */
	status?: string;
	spotId?: string;
	comment?: string;
}

export type Touchable = 'spot' | 'schedule' | 'user' | 'group' | 'report';

/**
 * App-side changes at the simulator clock (never through the API): filing and editing reports,
 * stamping a status, recording a position, editing records in the web console. Tests call these
 * on the simulator; processes outside the test POST them to `/__admin/cyzen/app`.
 */
export class FieldApp {
	private readonly dice = new Dice(20260402);

	constructor(
		private readonly store: CyzenStore,
		/** The simulator clock, whole seconds. */
		private readonly now: () => number,
	) {}

	private nowText(): string {
		return formatUtc(this.now());
	}

	private user(userId: string | undefined) {
		const user =
			userId === undefined
				? [...this.store.users.values()].find((u) => u.account_status === 1)
				: this.store.users.get(userId);
		if (!user) throw new Error(`no user ${userId ?? '(active)'}`);
		return user;
	}

	private spot(spotId: string | undefined) {
		if (spotId === undefined) return undefined;
		const spot = this.store.spots.get(spotId);
		if (!spot) throw new Error(`no spot ${spotId}`);
		return spot;
	}

	submitReport(input: ReportInput = {}): ReportRec {
		const user = this.user(input.userId);
		const definition =
			input.reportDefinitionId === undefined
				? [...this.store.reportDefinitions.values()][0]
				: this.store.reportDefinitions.get(input.reportDefinitionId);
		if (!definition) throw new Error(`no report definition ${input.reportDefinitionId ?? ''}`);
		const at = this.nowText();
		const report_id = this.store.newId();
		const items = new ReportItems(this.dice, this.store).build(definition, {
			reportId: report_id,
			spot: this.spot(input.spotId),
			at: this.now(),
			scheduleId: null,
		});
		const report: ReportRec = {
			report_id,
			report_definition_id: definition.report_definition_id,
			user_id: user.user_id,
			group_id: this.store.homeGroupOf(user.user_id),
			report_items: items.map((item) =>
				input.items && item.item_name in input.items
					? { ...item, item_value: input.items[item.item_name] }
					: item,
			),
			scheduleId: null,
			created_at: at,
			updated_at: at,
		};
		this.store.reports.set(report_id, report);
		return report;
	}

	/** Edits item values of a report (a correction): `updated_at` moves to now. */
	editReport(reportId: string, items: Record<string, ItemValue> = {}): ReportRec {
		const report = this.store.reports.get(reportId);
		if (!report) throw new Error(`no report ${reportId}`);
		for (const item of report.report_items)
			if (item.item_name in items) item.item_value = items[item.item_name];
		report.updated_at = this.nowText();
		return report;
	}

	/** A status stamp, e.g. a check-in (訪問開始) at a spot. */
	stamp(input: StampInput = {}): HistoryRec {
		const user = this.user(input.userId);
		const group_id = this.store.homeGroupOf(user.user_id);
		const statusName = input.status ?? '訪問開始';
		const status = [...this.store.statuses.values()].find(
			(s) => s.group_id === group_id && s.status_name === statusName,
		);
		if (!status) throw new Error(`no status ${statusName} in group ${group_id}`);
		const spot = this.spot(input.spotId);
		const at = this.nowText();
		const history: HistoryRec = {
			history_id: this.store.newId(),
			user_id: user.user_id,
			group_id,
			status_id: status.status_id,
			history_comment: input.comment ?? (spot ? `${spot.spot_name} ${statusName}` : null),
			address: spot?.address ?? null,
			history_accuracy: 10,
			history_latitude: spot?.latitude ?? 35.6812,
			history_longitude: spot?.longitude ?? 139.7671,
			create_at: at,
			updated_at: at,
		};
		this.store.histories.set(history.history_id, history);
		return history;
	}

	track(userId: string | undefined, latitude: number, longitude: number): TrackingRec {
		const user = this.user(userId);
		const at = this.nowText();
		const tracking: TrackingRec = {
			tracking_id: this.store.newId(),
			user_id: user.user_id,
			group_id: this.store.homeGroupOf(user.user_id),
			tracking_latitude: latitude,
			tracking_longitude: longitude,
			tracking_accuracy: 15,
			create_at: at,
			updated_at: at,
		};
		this.store.trackings.set(tracking.tracking_id, tracking);
		return tracking;
	}

	/** An edit in the web console: applies `changes` and moves `updated_at` to now. */
	touch(kind: Touchable, id: string, changes: Record<string, unknown> = {}): void {
		const maps = {
			spot: this.store.spots,
			schedule: this.store.schedules,
			user: this.store.users,
			group: this.store.groups,
			report: this.store.reports,
		} as const;
		const record = maps[kind].get(id);
		if (!record) throw new Error(`no ${kind} ${id}`);
		Object.assign(record, changes, { updated_at: this.nowText() });
	}

	/** A schedule deleted in the app: `get_deleted=1` shows it with `deleted_at`. */
	deleteSchedule(id: string): void {
		const schedule = this.store.schedules.get(id);
		if (!schedule) throw new Error(`no schedule ${id}`);
		schedule.deleted_at = this.nowText();
		schedule.updated_at = schedule.deleted_at;
	}
}
