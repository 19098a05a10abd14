import type { UtcText } from './time';

/**
 * Stored records, in the vendor's field names (spec §9, §10.2) so the serializers only choose
 * which fields a response shows. Ids are 32 lowercase hex characters (spec §4, [public code]);
 * timestamps are UTC text (see time.ts). Fields the API does not show are named in camelCase.
 */

export interface Stamped {
	created_at: UtcText;
	updated_at: UtcText;
}

export interface GroupRec extends Stamped {
	group_id: string;
	/** [public code] PC1 reads it; its meaning is not published. */
	group_join_id: string;
	group_code: string;
	group_name: string;
}

export interface UserRec extends Stamped {
	user_id: string;
	user_login_id: string;
	user_code: string;
	user_name: string;
	app_version: string | null;
	device: string | null;
	os_version: string | null;
	/** 1 = active, 0 = suspended [public code]. */
	account_status: 0 | 1;
	tagIds: string[];
}

/** ユーザー所属: a user's membership of a group (embedded in `/users` as `groups[]`). */
export interface MembershipRec {
	user_id: string;
	group_id: string;
	/** [proposed] 0/1, like `account_status`; the type is not published. */
	is_group_owner: 0 | 1;
	created_at: UtcText;
}

export interface UserTagRec {
	user_tag_id: string;
	user_tag_name: string;
	user_tag_category_name: string;
}

export interface SpotRec extends Stamped {
	spot_id: string;
	/** Unique ignoring case (`A001` = `a001`) [vendor doc]. */
	spot_code: string | null;
	spot_name: string;
	spot_name_kana: string | null;
	/** Strings: leading zeros matter. */
	zip_code: string | null;
	tel: string | null;
	fax: string | null;
	address: string | null;
	valid_from: UtcText | null;
	valid_to: UtcText | null;
	url: string | null;
	comment: string | null;
	create_user_id: string | null;
	latitude: number | null;
	longitude: number | null;
	/** Written with `group_id`; not among the read fields of PC1. */
	groupId: string | null;
	/** Written as a JSON string (`extend_data`) [public code]; read back as an object [proposed]. */
	extendData: Record<string, unknown> | null;
}

export interface SpotTagRec extends Stamped {
	spot_tag_id: string;
	group_id: string;
	spot_tag_name: string;
}

/** スポットとスポットタグの関連づけ. */
export interface SpotTagLinkRec {
	spot_id: string;
	spot_tag_id: string;
	created_at: UtcText;
}

/** スポット自社担当者: a cyzen user in charge of a spot. */
export interface SpotStaffRec {
	spot_id: string;
	user_id: string;
	created_at: UtcText;
}

/** スポット顧客担当者: a contact person at the customer. */
export interface SpotCustomerStaffRec extends Stamped {
	spot_customer_staff_id: string;
	spot_id: string;
	staff_name: string;
	staff_name_kana: string | null;
	department: string | null;
	position: string | null;
	tel: string | null;
	email: string | null;
	comment: string | null;
}

export interface StatusRec extends Stamped {
	group_id: string;
	status_id: string;
	status_name: string;
}

/** 履歴情報(打刻情報): a status stamp, e.g. a check-in at a customer. */
export interface HistoryRec {
	history_id: string;
	user_id: string;
	group_id: string;
	status_id: string;
	history_comment: string | null;
	address: string | null;
	history_accuracy: number;
	history_latitude: number;
	history_longitude: number;
	/** Sic: `create_at` [public code] PC1. */
	create_at: UtcText;
	updated_at: UtcText;
}

/** 履歴情報(自動記録位置情報): an automatically recorded position. */
export interface TrackingRec {
	tracking_id: string;
	user_id: string;
	group_id: string;
	tracking_latitude: number;
	tracking_longitude: number;
	tracking_accuracy: number;
	create_at: UtcText;
	updated_at: UtcText;
}

export interface ActionTypeRec extends Stamped {
	action_type_id: string;
	group_id: string;
	action_type_name: string;
}

/** The item types of a report format [vendor doc, support page on report items]. */
export type ItemType =
	| 'spot'
	| 'text'
	| 'textarea'
	| 'date'
	| 'time'
	| 'radio'
	| 'checkbox'
	| 'photo'
	| 'number'
	| 'phone'
	| 'barcode'
	| 'schedule';

export interface ItemDef {
	name: string;
	type: ItemType;
	/** Choices of radio and checkbox items. */
	options?: readonly string[];
}

export interface ReportDefinitionRec extends Stamped {
	report_definition_id: string;
	report_definition_name: string;
	items: ItemDef[];
}

/** Text for text, date and time items; a list for choice items [public code] PC3. */
export type ItemValue = string | string[];

export interface ReportRec extends Stamped {
	report_id: string;
	report_definition_id: string;
	user_id: string;
	group_id: string;
	report_items: Array<{ item_name: string; item_value: ItemValue }>;
	/** The schedule the report was filed against (shown through `with_actual=1`). */
	scheduleId: string | null;
}

export interface ImageRec {
	image_id: string;
	report_id: string;
	file_name: string;
	content_type: string;
	url: string;
	created_at: UtcText;
}

export interface ScheduleRec extends Stamped {
	schedule_id: string;
	group_id: string;
	title: string;
	detail: string | null;
	start_date: UtcText;
	end_date: UtcText;
	/** [proposed] 0/1; the type is not published. */
	all_day: 0 | 1;
	spotId: string | null;
	/** Member user ids (予定のメンバー), in the order they were added. */
	members: string[];
	categoryName: string | null;
	deleted_at: UtcText | null;
}

export interface TransportationExpenseRec extends Stamped {
	transportation_expense_id: string;
	user_id: string;
	group_id: string;
	/** [proposed] a calendar date, `YYYY-MM-DD`. */
	use_date: string;
	route: string;
	amount: number;
}

export interface SpotPhotoRec extends Stamped {
	spot_photo_id: string;
	spot_id: string;
	url: string;
	tagIds: string[];
}

export interface SpotPhotoTagRec extends Stamped {
	spot_photo_tag_id: string;
	spot_photo_tag_name: string;
}

export interface SpotClassificationDefinitionRec {
	spot_classification_definition_id: string;
	name: string;
	levels: string[];
}

export interface SpotClassificationRec extends Stamped {
	spot_classification_id: string;
	spot_id: string;
	spot_classification_definition_id: string;
	values: string[];
}

export interface SpotPhotoMetadataRec {
	spot_photo_id: string;
	metadata: Record<string, unknown>;
}
