import { crypto } from '../../platform/node';
import type { UtcText } from './time';
import type {
	ActionTypeRec,
	GroupRec,
	HistoryRec,
	ImageRec,
	MembershipRec,
	ReportDefinitionRec,
	ReportRec,
	ScheduleRec,
	SpotClassificationDefinitionRec,
	SpotClassificationRec,
	SpotCustomerStaffRec,
	SpotPhotoMetadataRec,
	SpotPhotoRec,
	SpotPhotoTagRec,
	SpotRec,
	SpotStaffRec,
	SpotTagLinkRec,
	SpotTagRec,
	StatusRec,
	TrackingRec,
	TransportationExpenseRec,
	UserRec,
	UserTagRec,
} from './types';

/** A spot with nothing but its id and name, registered at `at`; callers fill in what was sent. */
export function blankSpot(spotId: string, spotName: string, at: UtcText): SpotRec {
	return {
		spot_id: spotId,
		spot_code: null,
		spot_name: spotName,
		spot_name_kana: null,
		zip_code: null,
		tel: null,
		fax: null,
		address: null,
		valid_from: null,
		valid_to: null,
		url: null,
		comment: null,
		create_user_id: null,
		latitude: null,
		longitude: null,
		groupId: null,
		extendData: null,
		created_at: at,
		updated_at: at,
	};
}

/** One cyzen tenant (company) in memory. Maps are keyed by the record's id. */
export class CyzenStore {
	readonly groups = new Map<string, GroupRec>();
	readonly users = new Map<string, UserRec>();
	memberships: MembershipRec[] = [];
	readonly userTags = new Map<string, UserTagRec>();
	readonly spots = new Map<string, SpotRec>();
	readonly spotTags = new Map<string, SpotTagRec>();
	spotTagLinks: SpotTagLinkRec[] = [];
	spotStaffs: SpotStaffRec[] = [];
	readonly spotCustomerStaffs = new Map<string, SpotCustomerStaffRec>();
	readonly statuses = new Map<string, StatusRec>();
	readonly histories = new Map<string, HistoryRec>();
	readonly trackings = new Map<string, TrackingRec>();
	readonly actionTypes = new Map<string, ActionTypeRec>();
	readonly reportDefinitions = new Map<string, ReportDefinitionRec>();
	readonly reports = new Map<string, ReportRec>();
	readonly images = new Map<string, ImageRec>();
	readonly schedules = new Map<string, ScheduleRec>();
	readonly transportationExpenses = new Map<string, TransportationExpenseRec>();
	readonly spotPhotos = new Map<string, SpotPhotoRec>();
	readonly spotPhotoTags = new Map<string, SpotPhotoTagRec>();
	readonly spotClassificationDefinitions = new Map<string, SpotClassificationDefinitionRec>();
	readonly spotClassifications = new Map<string, SpotClassificationRec>();
	readonly spotPhotoMetadata = new Map<string, SpotPhotoMetadataRec>();

	clear(): void {
		for (const value of Object.values(this)) if (value instanceof Map) value.clear();
		this.memberships = [];
		this.spotTagLinks = [];
		this.spotStaffs = [];
	}

	/** A fresh id for a record created through the API: 32 lowercase hex characters. */
	newId(): string {
		return crypto.randomBytes(16).toString('hex');
	}

	/** The spot holding this code, ignoring case (`A001` = `a001`, [vendor doc]). */
	spotByCode(code: string): SpotRec | undefined {
		const wanted = code.toLowerCase();
		for (const spot of this.spots.values())
			if (spot.spot_code?.toLowerCase() === wanted) return spot;
		return undefined;
	}

	membershipsOf(userId: string): MembershipRec[] {
		return this.memberships.filter((m) => m.user_id === userId);
	}

	tagIdsOfSpot(spotId: string): string[] {
		return this.spotTagLinks.filter((l) => l.spot_id === spotId).map((l) => l.spot_tag_id);
	}

	/** The first group of a user: where their stamps, reports and expenses are filed. */
	homeGroupOf(userId: string): string {
		const membership = this.membershipsOf(userId)[0];
		if (!membership) throw new Error(`user ${userId} belongs to no group`);
		return membership.group_id;
	}
}
