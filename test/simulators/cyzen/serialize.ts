import type { CyzenStore } from './store';
import type {
	HistoryRec,
	MembershipRec,
	ReportRec,
	ScheduleRec,
	SpotPhotoRec,
	SpotRec,
	TrackingRec,
	UserRec,
} from './types';

/**
 * Records → response JSON, field names as the public code reads them (spec §9) or as §10.2
 * proposes. Confirmed objects show exactly their attested fields; the few additions are marked.
 */
export class Serializer {
	constructor(private readonly store: CyzenStore) {}

	user(user: UserRec, withTags: boolean) {
		const { tagIds, ...fields } = user;
		return {
			...fields,
			groups: this.store.membershipsOf(user.user_id).map((m) => ({
				group_id: m.group_id,
				group_name: this.store.groups.get(m.group_id)?.group_name ?? null,
				is_group_owner: m.is_group_owner,
			})),
			...(withTags
				? {
						user_tags: tagIds.flatMap((id) => {
							const tag = this.store.userTags.get(id);
							return tag ? [{ ...tag }] : [];
						}),
					}
				: {}),
		};
	}

	/** `/user_groups` row: the membership with the group's name (spec §10.2). */
	membership(m: MembershipRec) {
		return {
			user_id: m.user_id,
			group_id: m.group_id,
			group_name: this.store.groups.get(m.group_id)?.group_name ?? null,
			is_group_owner: m.is_group_owner,
		};
	}

	/** Read names differ from write names: `spot_name_kana`, `latitude`, `longitude` (§9.4). */
	spot(spot: SpotRec) {
		return {
			spot_id: spot.spot_id,
			spot_code: spot.spot_code,
			spot_name: spot.spot_name,
			spot_name_kana: spot.spot_name_kana,
			zip_code: spot.zip_code,
			tel: spot.tel,
			fax: spot.fax,
			address: spot.address,
			valid_from: spot.valid_from,
			valid_to: spot.valid_to,
			url: spot.url,
			comment: spot.comment,
			create_user_id: spot.create_user_id,
			latitude: spot.latitude,
			longitude: spot.longitude,
			spot_tags: this.store.tagIdsOfSpot(spot.spot_id).flatMap((id) => {
				const tag = this.store.spotTags.get(id);
				return tag ? [{ spot_tag_id: tag.spot_tag_id, spot_tag_name: tag.spot_tag_name }] : [];
			}),
			created_at: spot.created_at,
			updated_at: spot.updated_at,
			// [proposed] the custom fields written as `extend_data`, read back as an object.
			extend_data: spot.extendData,
		};
	}

	/** `/members_statuses`: the confirmed `tracking` object has four fields (§9.10). */
	memberStatus(userId: string, history: HistoryRec | undefined, tracking: TrackingRec | undefined) {
		return {
			// [proposed] the user the row is about; PC1 read it from `history`.
			user_id: userId,
			history: history ? { ...history } : null,
			tracking: tracking
				? {
						tracking_latitude: tracking.tracking_latitude,
						tracking_longitude: tracking.tracking_longitude,
						tracking_accuracy: tracking.tracking_accuracy,
						create_at: tracking.create_at,
					}
				: null,
		};
	}

	report(report: ReportRec) {
		return {
			report_id: report.report_id,
			report_definition_id: report.report_definition_id,
			report_definition_name:
				this.store.reportDefinitions.get(report.report_definition_id)?.report_definition_name ??
				null,
			user_id: report.user_id,
			group_id: report.group_id,
			created_at: report.created_at,
			updated_at: report.updated_at,
			report_items: report.report_items.map((item) => ({
				item_name: item.item_name,
				item_value: Array.isArray(item.item_value) ? [...item.item_value] : item.item_value,
			})),
		};
	}

	/**
	 * §9.13. `deleted_at` appears with `get_deleted=1` (null on live schedules [proposed]);
	 * `schedule_actual` with `with_actual=1`. There is no creator field ([public code] PC3).
	 */
	schedule(schedule: ScheduleRec, options: { withDeleted: boolean; withActual: boolean }) {
		const spot = schedule.spotId ? this.store.spots.get(schedule.spotId) : undefined;
		return {
			schedule_id: schedule.schedule_id,
			group_id: schedule.group_id,
			title: schedule.title,
			detail: schedule.detail,
			start_date: schedule.start_date,
			end_date: schedule.end_date,
			all_day: schedule.all_day,
			place: spot
				? {
						spot_id: spot.spot_id,
						address: spot.address,
						latitude: spot.latitude,
						longitude: spot.longitude,
					}
				: null,
			users: schedule.members.map((user_id) => ({ user_id })),
			schedule_category: schedule.categoryName
				? { schedule_category_name: schedule.categoryName }
				: null,
			created_at: schedule.created_at,
			updated_at: schedule.updated_at,
			...(options.withDeleted ? { deleted_at: schedule.deleted_at } : {}),
			...(options.withActual
				? {
						schedule_actual: {
							schedule_reports: [...this.store.reports.values()]
								.filter((r) => r.scheduleId === schedule.schedule_id)
								.map((r) => ({
									report_id: r.report_id,
									report_definition_id: r.report_definition_id,
									report_definition_name:
										this.store.reportDefinitions.get(r.report_definition_id)
											?.report_definition_name ?? null,
									user_id: r.user_id,
									created_at: r.created_at,
								})),
						},
					}
				: {}),
		};
	}

	spotPhoto(photo: SpotPhotoRec) {
		const { tagIds, ...fields } = photo;
		return {
			...fields,
			spot_photo_tags: tagIds.flatMap((id) => {
				const tag = this.store.spotPhotoTags.get(id);
				return tag
					? [
							{
								spot_photo_tag_id: tag.spot_photo_tag_id,
								spot_photo_tag_name: tag.spot_photo_tag_name,
							},
						]
					: [];
			}),
		};
	}
}
