import { Dice } from '../../kit/random';
import {
	ACTION_TYPES,
	AREAS,
	BRANCHES,
	CLASSIFICATIONS,
	CUSTOMER_FORMS,
	CUSTOMER_STEMS,
	DEVICES,
	FAMILY_NAMES,
	GIVEN_NAMES,
	GROUPS,
	INDUSTRIES,
	PHOTO_TAGS,
	REPORT_DEFINITIONS,
	ROUTES,
	SCHEDULE_CATEGORIES,
	SCHEDULE_TITLES,
	SPOT_TAGS,
	STAFF_POSITIONS,
	STATUSES,
	USER_TAGS,
	VISIT_NOTES,
} from './seed-data';
import type { CyzenStore } from './store';
import { DAY, formatUtc, HOUR, MINUTE, parseUtc, truncateToSecond } from './time';
import type {
	ItemValue,
	ReportDefinitionRec,
	ReportRec,
	ScheduleRec,
	SpotRec,
	UserRec,
} from './types';

/** How much demo data to generate; the defaults make a realistic small tenant. */
export interface SeedOptions {
	/**
	 * Every seeded `created_at`/`updated_at` lies at or before this instant (UTC text); the newest
	 * changes are minutes before it. Default: the simulator clock when seeding.
	 */
	anchor?: string;
	/** PRNG seed; the same options and anchor always produce the same tenant. */
	randomSeed?: number;
	users?: number;
	/** Spots; the default gives `GET /spots` two pages. */
	spots?: number;
	/** Reports, spread over the `reportDays` days before the anchor (load: 10,000 over 60). */
	reports?: number;
	reportDays?: number;
	/** Working days of stamps (histories); the default reaches past the 14-day retention. */
	historyDays?: number;
	/** Working days of automatically recorded positions. */
	trackingDays?: number;
	/** Schedules from this many days before the anchor to as many after it. */
	scheduleDays?: number;
}

export const DEFAULT_SEED: Required<Omit<SeedOptions, 'anchor'>> = {
	randomSeed: 20260401,
	users: 24,
	spots: 260,
	reports: 1200,
	reportDays: 30,
	historyDays: 20,
	trackingDays: 2,
	scheduleDays: 14,
};

const JST = 9 * HOUR;

/** 00:00 Japan time of the day holding `ms`, as epoch ms. */
function japanDayStart(ms: number): number {
	return Math.floor((ms + JST) / DAY) * DAY - JST;
}

function isWeekend(japanDay: number): boolean {
	const weekday = new Date(japanDay + JST).getUTCDay();
	return weekday === 0 || weekday === 6;
}

/** `YYYY-MM-DD` of the Japan calendar day holding `ms`. */
function japanDate(ms: number): string {
	return formatUtc(ms + JST).slice(0, 10);
}

/** Builds the value of one report item of the given type (spec §9.12). */
export class ReportItems {
	constructor(
		private readonly dice: Dice,
		private readonly store: CyzenStore,
	) {}

	/**
	 * Values by item type: text, text area, date (`YYYY-MM-DD`), time (`hh:mm`), number, phone and
	 * barcode as strings; radio and checkbox as lists [public code] PC3. [proposed] encodings of the
	 * unpublished ones: spot → the spot's name, photo → a list of image ids (served by `/images`),
	 * schedule → the created schedule's id.
	 */
	build(
		definition: ReportDefinitionRec,
		context: { reportId: string; spot: SpotRec | undefined; at: number; scheduleId: string | null },
	): ReportRec['report_items'] {
		const d = this.dice;
		return definition.items.map((item) => {
			let value: ItemValue;
			switch (item.type) {
				case 'spot':
					value = context.spot?.spot_name ?? '';
					break;
				case 'text':
					value = d.pick(['受注確度アップ', '新規アポ2件獲得', 'A社', 'B社', '提案書提出']);
					break;
				case 'textarea':
					value = d.pick(VISIT_NOTES);
					break;
				case 'date':
					value = japanDate(context.at + d.int(7, 30) * DAY);
					break;
				case 'time':
					value = formatUtc(context.at + JST).slice(11, 16);
					break;
				case 'radio':
					value = [d.pick(item.options ?? [])];
					break;
				case 'checkbox':
					value = d.some(item.options ?? [], 0, 2);
					break;
				case 'number':
					value = String(d.int(1, 60) * 10_000);
					break;
				case 'phone':
					value = `0${d.int(3, 9)}-${d.digits(4)}-${d.digits(4)}`;
					break;
				case 'barcode':
					value = `49${d.digits(11)}`;
					break;
				case 'photo':
					value = this.photos(context.reportId, context.at);
					break;
				case 'schedule':
					value = context.scheduleId ?? '';
					break;
			}
			return { item_name: item.name, item_value: value };
		});
	}

	private photos(reportId: string, at: number): string[] {
		return Array.from({ length: this.dice.int(0, 2) }, (_, i) => {
			const image_id = this.dice.hex(32);
			this.store.images.set(image_id, {
				image_id,
				report_id: reportId,
				file_name: `photo_${i + 1}.jpg`,
				content_type: 'image/jpeg',
				// [proposed] binary download is not modelled; `.invalid` never resolves.
				url: `https://images.cyzen.invalid/${image_id}.jpg`,
				created_at: formatUtc(at),
			});
			return image_id;
		});
	}
}

/**
 * Replaces the store's content with a deterministic field-sales tenant: six offices, users with
 * member attributes, customer spots with tags, Japanese addresses, contacts and photos, status
 * stamps and tracked positions, report formats with every documented item type, reports (some
 * edited later), schedules (some deleted, some with reports filed against them) and travel
 * expenses. Times lie before `anchor`, the newest minutes before it; schedules also lie ahead.
 */
export function seedStore(store: CyzenStore, options: SeedOptions, clock: number): void {
	const o = { ...DEFAULT_SEED, ...options };
	const anchor = options.anchor === undefined ? truncateToSecond(clock) : parseUtc(options.anchor);
	if (anchor === undefined) throw new Error(`bad seed anchor ${options.anchor}`);
	store.clear();
	new TenantBuilder(store, new Dice(o.randomSeed), anchor, o).build();
}

class TenantBuilder {
	private readonly groupIds: string[] = [];
	private readonly users: UserRec[] = [];
	private readonly spots: SpotRec[] = [];
	private readonly statusIds = new Map<string, Map<string, string>>();
	/** user id → Japan day → that user's visit schedules that day. */
	private readonly visits = new Map<string, ScheduleRec[]>();
	private readonly items: ReportItems;

	constructor(
		private readonly store: CyzenStore,
		private readonly dice: Dice,
		private readonly anchor: number,
		private readonly o: Required<Omit<SeedOptions, 'anchor'>>,
	) {
		this.items = new ReportItems(dice, store);
	}

	build(): void {
		this.organisation();
		this.spotsAndAround();
		this.statusesAndActionTypes();
		this.histories();
		this.trackings();
		this.schedules();
		this.reports();
		this.expenses();
	}

	/** A creation time up to `maxDays` before the anchor and an update time between it and the anchor. */
	private span(maxDays: number, recentShare: number): { created_at: string; updated_at: string } {
		const created = this.anchor - this.dice.int(HOUR, maxDays * DAY);
		const updated = this.dice.chance(recentShare)
			? this.anchor - this.dice.int(MINUTE, 6 * DAY)
			: created + this.dice.float() * (this.anchor - created);
		return { created_at: formatUtc(created), updated_at: formatUtc(Math.max(created, updated)) };
	}

	private organisation(): void {
		const { store, dice } = this;
		for (const [code, name] of GROUPS) {
			const group_id = dice.hex(32);
			this.groupIds.push(group_id);
			store.groups.set(group_id, {
				group_id,
				group_join_id: dice.hex(32),
				group_code: code,
				group_name: name,
				...this.span(900, 0.05),
			});
		}
		const tagIds = USER_TAGS.map(([category, name]) => {
			const user_tag_id = dice.hex(32);
			store.userTags.set(user_tag_id, {
				user_tag_id,
				user_tag_name: name,
				user_tag_category_name: category,
			});
			return user_tag_id;
		});
		for (let i = 0; i < this.o.users; i++) {
			const [family, familyRomaji] = FAMILY_NAMES[i % FAMILY_NAMES.length];
			const [given, givenRomaji] = GIVEN_NAMES[(i * 5) % GIVEN_NAMES.length];
			const [device, os] = dice.pick(DEVICES);
			const user_id = dice.hex(32);
			const number = String(i + 1).padStart(4, '0');
			// Position tag by seniority, one duty tag, sometimes a licence.
			const rank = i === 0 ? 0 : i < 6 ? 1 : i < 12 ? 2 : 3;
			const tags = [tagIds[rank], tagIds[4 + (i % 3)], ...(dice.chance(0.6) ? [tagIds[7]] : [])];
			const user: UserRec = {
				user_id,
				user_login_id: `${givenRomaji}.${familyRomaji}${i >= FAMILY_NAMES.length ? i : ''}@mirai-setsubi.example.co.jp`,
				user_code: `E${number}`,
				user_name: `${family} ${given}`,
				app_version: dice.pick(['6.4.0', '6.3.2', '6.2.1']),
				device,
				os_version: os,
				account_status: i === this.o.users - 1 ? 0 : 1,
				tagIds: tags,
				...this.span(700, 0.1),
			};
			this.users.push(user);
			store.users.set(user_id, user);
			// Office by rotation; office heads (rank ≤ 1) also belong to head office and own their office.
			const office = this.groupIds[1 + (i % (this.groupIds.length - 1))];
			store.memberships.push({
				user_id,
				group_id: office,
				is_group_owner: rank <= 1 ? 1 : 0,
				created_at: user.created_at,
			});
			if (rank <= 1)
				store.memberships.push({
					user_id,
					group_id: this.groupIds[0],
					is_group_owner: rank === 0 ? 1 : 0,
					created_at: user.created_at,
				});
		}
	}

	private spotsAndAround(): void {
		const { store, dice } = this;
		const hq = this.groupIds[0];
		const tagIds = SPOT_TAGS.map((name) => {
			const spot_tag_id = dice.hex(32);
			store.spotTags.set(spot_tag_id, {
				spot_tag_id,
				group_id: hq,
				spot_tag_name: name,
				...this.span(900, 0),
			});
			return spot_tag_id;
		});
		const photoTagIds = PHOTO_TAGS.map((name) => {
			const spot_photo_tag_id = dice.hex(32);
			store.spotPhotoTags.set(spot_photo_tag_id, {
				spot_photo_tag_id,
				spot_photo_tag_name: name,
				...this.span(900, 0),
			});
			return spot_photo_tag_id;
		});
		const definitions = CLASSIFICATIONS.map(([name, levels]) => {
			const spot_classification_definition_id = dice.hex(32);
			store.spotClassificationDefinitions.set(spot_classification_definition_id, {
				spot_classification_definition_id,
				name,
				levels: [...levels],
			});
			return spot_classification_definition_id;
		});

		for (let i = 0; i < this.o.spots; i++) {
			const [stem, stemKana] = CUSTOMER_STEMS[i % CUSTOMER_STEMS.length];
			const [form, formKana] = dice.pick(CUSTOMER_FORMS);
			const branch =
				i < CUSTOMER_STEMS.length
					? ''
					: ` ${BRANCHES[Math.floor(i / CUSTOMER_STEMS.length) % BRANCHES.length]}`;
			const serial = Math.floor(i / (CUSTOMER_STEMS.length * BRANCHES.length));
			const area = AREAS[i % AREAS.length];
			const [prefecture, city, town, zip, areaCode, lat, lon] = area;
			const creator = dice.pick(this.users);
			const spot: SpotRec = {
				spot_id: dice.hex(32),
				spot_code: `S${String(i + 1).padStart(5, '0')}`,
				spot_name: `${form}${stem}${branch}${serial ? ` ${serial + 1}` : ''}`,
				spot_name_kana: `${formKana}${stemKana}`,
				zip_code: `${zip}-${dice.digits(4)}`,
				tel: `${areaCode}-${dice.digits(4)}-${dice.digits(4)}`,
				fax: dice.chance(0.5) ? `${areaCode}-${dice.digits(4)}-${dice.digits(4)}` : null,
				address: `${prefecture}${city}${town}${dice.int(1, 5)}丁目${dice.int(1, 20)}-${dice.int(1, 15)}`,
				valid_from: null,
				valid_to: null,
				url: dice.chance(0.4) ? `https://www.example.co.jp/customer${i + 1}` : null,
				comment: dice.chance(0.3) ? '駐車場あり。受付で名刺を提示。' : null,
				create_user_id: creator.user_id,
				latitude: Math.round((lat + (dice.float() - 0.5) * 0.04) * 1e6) / 1e6,
				longitude: Math.round((lon + (dice.float() - 0.5) * 0.04) * 1e6) / 1e6,
				groupId: this.groupIds[1 + (i % (this.groupIds.length - 1))],
				extendData: dice.chance(0.5)
					? { 取引開始年: String(2010 + dice.int(0, 15)), 従業員数: String(dice.int(5, 500)) }
					: null,
				// About one spot in ten changed within the last week: what a spots trigger finds.
				...this.span(730, 0.1),
			};
			this.spots.push(spot);
			store.spots.set(spot.spot_id, spot);
			for (const spot_tag_id of dice.some(tagIds, 1, 2))
				store.spotTagLinks.push({
					spot_id: spot.spot_id,
					spot_tag_id,
					created_at: spot.created_at,
				});
			if (i < 150)
				store.spotStaffs.push({
					spot_id: spot.spot_id,
					user_id: dice.pick(this.users).user_id,
					created_at: spot.created_at,
				});
			if (i < 80) this.customerStaff(spot);
			if (i < 40) this.photos(spot, photoTagIds);
			const industry = dice.pick(INDUSTRIES);
			for (const [k, definitionId] of definitions.entries()) {
				const spot_classification_id = dice.hex(32);
				store.spotClassifications.set(spot_classification_id, {
					spot_classification_id,
					spot_id: spot.spot_id,
					spot_classification_definition_id: definitionId,
					values:
						k === 0
							? [
									prefecture === '東京都' || prefecture === '神奈川県'
										? '関東'
										: prefecture === '愛知県'
											? '中部'
											: prefecture === '大阪府'
												? '近畿'
												: '九州',
									prefecture,
									`${city}エリア`,
								]
							: [...industry],
					created_at: spot.created_at,
					updated_at: spot.created_at,
				});
			}
		}
	}

	private customerStaff(spot: SpotRec): void {
		const { dice } = this;
		for (let n = dice.int(1, 2); n > 0; n--) {
			const [family, romaji] = dice.pick(FAMILY_NAMES);
			const [department, position] = dice.pick(STAFF_POSITIONS);
			const id = dice.hex(32);
			this.store.spotCustomerStaffs.set(id, {
				spot_customer_staff_id: id,
				spot_id: spot.spot_id,
				staff_name: `${family} ${dice.pick(GIVEN_NAMES)[0]}`,
				staff_name_kana: null,
				department,
				position,
				tel: spot.tel,
				email: `${romaji}@customer.example.jp`,
				comment: null,
				created_at: spot.created_at,
				updated_at: spot.created_at,
			});
		}
	}

	private photos(spot: SpotRec, photoTagIds: string[]): void {
		const { dice } = this;
		for (let n = dice.int(1, 3); n > 0; n--) {
			const spot_photo_id = dice.hex(32);
			const { created_at } = this.span(365, 0);
			this.store.spotPhotos.set(spot_photo_id, {
				spot_photo_id,
				spot_id: spot.spot_id,
				url: `https://images.cyzen.invalid/spots/${spot_photo_id}.jpg`,
				tagIds: dice.some(photoTagIds, 1, 2),
				created_at,
				updated_at: created_at,
			});
			this.store.spotPhotoMetadata.set(spot_photo_id, {
				spot_photo_id,
				metadata: {
					taken_at: created_at,
					taken_by: dice.pick(this.users).user_id,
					comment: '正面から撮影',
				},
			});
		}
	}

	private statusesAndActionTypes(): void {
		const { store, dice } = this;
		for (const group_id of this.groupIds) {
			const byName = new Map<string, string>();
			for (const status_name of STATUSES) {
				const status_id = dice.hex(32);
				byName.set(status_name, status_id);
				store.statuses.set(status_id, { group_id, status_id, status_name, ...this.span(900, 0) });
			}
			this.statusIds.set(group_id, byName);
		}
		for (const action_type_name of ACTION_TYPES) {
			const action_type_id = dice.hex(32);
			store.actionTypes.set(action_type_id, {
				action_type_id,
				group_id: this.groupIds[0],
				action_type_name,
				...this.span(900, 0),
			});
		}
	}

	/**
	 * The last `count` Japan working days up to the anchor's day (newest first), as 00:00 JST epoch
	 * ms: counted in working days so a clock on a weekend still finds recent activity.
	 */
	private workdays(count: number): number[] {
		const days: number[] = [];
		for (let day = japanDayStart(this.anchor); days.length < count; day -= DAY)
			if (!isWeekend(day)) days.push(day);
		return days;
	}

	/** A status stamp (打刻) at `at`, if it is not after the anchor. */
	private stamp(user: UserRec, statusName: string, at: number, spot?: SpotRec): void {
		if (at > this.anchor) return;
		const { dice } = this;
		const group_id = this.store.homeGroupOf(user.user_id);
		const area = AREAS[this.users.indexOf(user) % AREAS.length];
		const history_id = dice.hex(32);
		const create_at = formatUtc(at);
		this.store.histories.set(history_id, {
			history_id,
			user_id: user.user_id,
			group_id,
			status_id: this.statusIds.get(group_id)?.get(statusName) ?? '',
			history_comment: spot ? `${spot.spot_name} ${statusName}` : null,
			address: spot?.address ?? `${area[0]}${area[1]}${area[2]}`,
			history_accuracy: dice.int(5, 60),
			history_latitude: spot?.latitude ?? area[5],
			history_longitude: spot?.longitude ?? area[6],
			create_at,
			// A stamp is sometimes corrected later (comment edited).
			updated_at: dice.chance(0.05)
				? formatUtc(Math.min(this.anchor, at + dice.int(MINUTE, HOUR)))
				: create_at,
		});
	}

	private histories(): void {
		const { dice } = this;
		for (const day of this.workdays(this.o.historyDays)) {
			for (const user of this.users) {
				if (user.account_status === 0) continue;
				let at = day + 8 * HOUR + dice.int(0, 45) * MINUTE;
				this.stamp(user, '出勤', at);
				for (let v = dice.int(1, 3); v > 0; v--) {
					const spot = dice.pick(this.spots);
					at += dice.int(40, 90) * MINUTE;
					this.stamp(user, '訪問開始', at, spot);
					at += dice.int(20, 70) * MINUTE;
					this.stamp(user, '訪問終了', at, spot);
				}
				this.stamp(
					user,
					'退勤',
					Math.max(at + 30 * MINUTE, day + 17 * HOUR + dice.int(30, 120) * MINUTE),
				);
			}
		}
	}

	private trackings(): void {
		const { dice } = this;
		for (const day of this.workdays(this.o.trackingDays)) {
			for (const [u, user] of this.users.entries()) {
				if (user.account_status === 0) continue;
				const area = AREAS[u % AREAS.length];
				for (
					let at = day + 9 * HOUR;
					at <= day + 18 * HOUR && at <= this.anchor;
					at += 30 * MINUTE
				) {
					const tracking_id = dice.hex(32);
					const create_at = formatUtc(at + dice.int(0, 59) * 1000);
					this.store.trackings.set(tracking_id, {
						tracking_id,
						user_id: user.user_id,
						group_id: this.store.homeGroupOf(user.user_id),
						tracking_latitude: Math.round((area[5] + (dice.float() - 0.5) * 0.05) * 1e6) / 1e6,
						tracking_longitude: Math.round((area[6] + (dice.float() - 0.5) * 0.05) * 1e6) / 1e6,
						tracking_accuracy: dice.int(5, 100),
						create_at,
						updated_at: create_at,
					});
				}
			}
		}
	}

	private schedules(): void {
		const { dice, store } = this;
		const today = japanDayStart(this.anchor);
		for (let d = -this.o.scheduleDays; d <= this.o.scheduleDays; d++) {
			const day = today + d * DAY;
			if (isWeekend(day)) continue;
			for (const user of this.users) {
				if (user.account_status === 0 || !dice.chance(0.6)) continue;
				const spot = dice.pick(this.spots);
				const start = day + dice.int(9, 16) * HOUR + dice.pick([0, 30]) * MINUTE;
				// Planned up to two weeks ahead of the visit, never after the anchor.
				const created = Math.min(
					this.anchor - dice.int(MINUTE, HOUR),
					start - dice.int(1, 14) * DAY,
				);
				const updated = dice.chance(0.15) ? this.anchor - dice.int(MINUTE, 3 * DAY) : created;
				const deleted = dice.chance(0.05) ? Math.max(created, updated) : null;
				const schedule: ScheduleRec = {
					schedule_id: dice.hex(32),
					group_id: store.homeGroupOf(user.user_id),
					title: `${spot.spot_name} ${dice.pick(SCHEDULE_TITLES)}`,
					detail: dice.chance(0.5) ? dice.pick(VISIT_NOTES) : null,
					start_date: formatUtc(start),
					end_date: formatUtc(start + dice.pick([30, 60, 90]) * MINUTE),
					all_day: 0,
					spotId: spot.spot_id,
					members: [
						user.user_id,
						...(dice.chance(0.2) ? [dice.pick(this.users).user_id] : []),
					].filter((id, i, all) => all.indexOf(id) === i),
					categoryName: dice.pick(SCHEDULE_CATEGORIES),
					created_at: formatUtc(created),
					updated_at: formatUtc(Math.max(created, updated)),
					deleted_at: deleted === null ? null : formatUtc(deleted),
				};
				store.schedules.set(schedule.schedule_id, schedule);
				if (deleted === null && start < this.anchor) {
					const key = `${user.user_id}|${day}`;
					this.visits.set(key, [...(this.visits.get(key) ?? []), schedule]);
				}
			}
		}
	}

	/** `reports` reports over the `reportDays` days before the anchor, in working hours (JST). */
	private reports(): void {
		const { dice, store } = this;
		const definitions = REPORT_DEFINITIONS.map(({ name, items }) => {
			const definition: ReportDefinitionRec = {
				report_definition_id: dice.hex(32),
				report_definition_name: name,
				items,
				...this.span(900, 0),
			};
			store.reportDefinitions.set(definition.report_definition_id, definition);
			return definition;
		});
		const active = this.users.filter((u) => u.account_status === 1);
		const today = japanDayStart(this.anchor);
		for (let i = 0; i < this.o.reports; i++) {
			const day = today - dice.int(0, this.o.reportDays - 1) * DAY;
			const user = dice.pick(active);
			let at = day + 9 * HOUR + dice.int(0, 10 * 3600) * 1000;
			// Today's reports are all before the anchor: spread them over the elapsed part of the day.
			if (at > this.anchor) at = day + dice.float() * Math.max(0, this.anchor - day);
			const definition = definitions[i % 4 === 3 ? dice.int(1, definitions.length - 1) : 0];
			const visit = dice.pick(this.visits.get(`${user.user_id}|${day}`) ?? [undefined]);
			const spot = visit?.spotId ? store.spots.get(visit.spotId) : dice.pick(this.spots);
			const report_id = dice.hex(32);
			const created = truncateToSecond(at);
			// One report in eight is edited later (the manager asks for a correction).
			const updated = dice.chance(0.125)
				? created + dice.float() * (this.anchor - created)
				: created;
			store.reports.set(report_id, {
				report_id,
				report_definition_id: definition.report_definition_id,
				user_id: user.user_id,
				group_id: store.homeGroupOf(user.user_id),
				report_items: this.items.build(definition, {
					reportId: report_id,
					spot,
					at: created,
					scheduleId: definition.items.some((it) => it.type === 'schedule')
						? (visit?.schedule_id ?? null)
						: null,
				}),
				scheduleId: visit?.schedule_id ?? null,
				created_at: formatUtc(created),
				updated_at: formatUtc(truncateToSecond(updated)),
			});
		}
	}

	private expenses(): void {
		const { dice } = this;
		for (const day of this.workdays(this.o.reportDays)) {
			for (const user of this.users) {
				if (user.account_status === 0 || !dice.chance(0.5) || day + 18 * HOUR > this.anchor)
					continue;
				const [route, amount] = dice.pick(ROUTES);
				const id = dice.hex(32);
				const at = formatUtc(day + 18 * HOUR);
				this.store.transportationExpenses.set(id, {
					transportation_expense_id: id,
					user_id: user.user_id,
					group_id: this.store.homeGroupOf(user.user_id),
					use_date: japanDate(day),
					route,
					amount: amount * dice.pick([1, 2]),
					created_at: at,
					updated_at: at,
				});
			}
		}
	}
}
