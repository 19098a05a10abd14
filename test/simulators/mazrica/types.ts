/**
 * Internal record shapes of the Mazrica simulator. These are storage shapes (references kept as
 * ids, timestamps as epoch milliseconds); `serialize.ts` turns them into the vendor's JSON.
 */

/** Plan flags of one API key (§8 of the spec). */
export interface PlanFlags {
	customObjects: boolean;
	lifecycleStages: boolean;
	bi: boolean;
}

/** [proposed] Item types of customer / contact / deal custom items (the document collapses them). */
export type CustomItemType = 'text' | 'number' | 'date' | 'single_select' | 'multi_select';

/** [proposed] `{ id, name }` options of a select custom item. */
export interface CustomItemOption {
	id: number;
	name: string;
}

/**
 * [proposed] A custom item definition (取引先詳細項目 / コンタクト詳細項目 / 案件詳細項目 /
 * アクション詳細項目). Served as `{ id, itemKey, name, itemType, options? }`; action items use the
 * documented `actionCustomItemOptions` name for their options instead.
 */
export interface CustomItemDef {
	id: number;
	itemKey: string;
	name: string;
	itemType: CustomItemType;
	options: CustomItemOption[];
}

export type CustomScalar = string | number | null | number[];

/** [proposed] A custom value on a record: `{ itemKey, value }`. */
export interface CustomValue {
	itemKey: string;
	value: CustomScalar;
}

export interface RoleRec {
	id: number;
	name: string;
	orderNum: number;
	parentRoleId: number | null;
}

export interface UserRec {
	id: number;
	name: string;
	email: string;
	roleId: number | null;
	createdAt: number;
	updatedAt: number;
}

export interface UserGroupRec {
	id: number;
	name: string;
	orderNum: number;
	userIds: number[];
}

export interface NamedItem {
	id: number;
	name: string;
}

export interface PhaseRec extends NamedItem {
	orderNum: number;
	/** [proposed] 'won' / 'lost' for end phases, null otherwise. */
	endType: 'won' | 'lost' | null;
}

export interface ProbabilityRec extends NamedItem {
	percentage: number;
}

export interface PurposeRec extends NamedItem {
	patternId: number;
}

export interface DealTypeRec {
	id: number;
	name: string;
	phases: PhaseRec[];
	products: NamedItem[];
	probabilities: ProbabilityRec[];
	channels: NamedItem[];
	endPhaseReasons: NamedItem[];
	purposes: PurposeRec[];
	customItems: CustomItemDef[];
	productDetailTypes: NamedItem[];
}

export interface CustomerRec {
	id: number;
	name: string;
	address: string | null;
	telNo: string | null;
	webUrl: string | null;
	employee: number | null;
	capital: number | null;
	closingMonth: number | null;
	ownerRoleId: number | null;
	customs: CustomValue[];
	createdAt: number;
	updatedAt: number;
}

export interface DealProductDetail {
	typeId: number;
	amount: number;
}

export interface DealRec {
	id: number;
	dealTypeId: number;
	name: string;
	dealCode: string;
	amount: number | null;
	closingLeadtime: number | null;
	fromEmail: boolean;
	memo: string | null;
	/** YYYY-MM-DD */
	expectedContractDate: string;
	reason: string | null;
	endPhaseReasonIds: number[];
	customerId: number;
	phaseId: number;
	/** When the deal entered its current phase (for `phaseStayDays`). */
	phaseSince: number;
	productId: number;
	probabilityId: number;
	channelId: number;
	userId: number;
	customs: CustomValue[];
	productDetails: DealProductDetail[];
	createdAt: number;
	updatedAt: number;
}

export interface LifecycleAssignment {
	typeId: number;
	stageId: number;
}

export interface ContactRec {
	id: number;
	name: string;
	email: string | null;
	tel: string | null;
	mobileTel: string | null;
	address: string | null;
	dept: string | null;
	position: string | null;
	memo: string | null;
	marketoLeadScore: number | null;
	customerId: number | null;
	customs: CustomValue[];
	lifecycleStages: LifecycleAssignment[];
	createdAt: number;
	updatedAt: number;
}

/** [proposed] Attachment metadata returned with `include_files=1`. */
export interface FileRec {
	id: number;
	name: string;
	size: number;
	contentType: string;
	url: string;
}

export type ActionKind = 'customer' | 'deal' | 'contact';

export interface ActionRec {
	id: number;
	kind: ActionKind;
	customerId: number | null;
	dealId: number | null;
	contactId: number | null;
	patternId: number;
	purposeId: number | null;
	startDatetime: number | null;
	endDatetime: number | null;
	preNote: string | null;
	result: string | null;
	extraResult: string | null;
	syncCalendar: boolean;
	active: boolean;
	creatorId: number;
	inviteeIds: number[];
	contactIds: number[];
	customs: CustomValue[];
	files: FileRec[];
	createdAt: number;
	updatedAt: number;
}

export interface LifecycleStageTypeRec {
	id: number;
	name: string;
	stages: Array<{ id: number; name: string; orderNum: number }>;
}

export type CustomObjectItemType =
	| 'text'
	| 'date'
	| 'number'
	| 'decimal_number'
	| 'single_select'
	| 'multi_select';

export interface CustomObjectOptionDef {
	key: string;
	name: string;
}

export interface CustomObjectItemDef {
	key: string;
	name: string;
	itemType: CustomObjectItemType;
	options: CustomObjectOptionDef[];
}

export interface CustomObjectDefRec {
	key: string;
	name: string;
	enableBi: boolean;
	items: CustomObjectItemDef[];
	createdAt: number;
	updatedAt: number;
}

export type CustomObjectValue = string | number | string[] | null;

export interface CustomObjectRec {
	id: number;
	defKey: string;
	values: Record<string, CustomObjectValue>;
	createdAt: number;
	updatedAt: number;
}

export type AuditOperation = 'create' | 'update' | 'delete';

/** [proposed] The document collapses audit entries; this is the simulator's shape. */
export interface AuditRec {
	id: number;
	at: number;
	userId: number | null;
	operation: AuditOperation;
	targetType: string;
	targetId: number | string;
	targetName: string | null;
	/** 'api' for writes through the Open API, 'web' for edits made in the Mazrica UI (seeds, touch). */
	source: 'api' | 'web';
}
