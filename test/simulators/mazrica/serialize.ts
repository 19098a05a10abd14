import type { MazricaStore } from './store';
import { toIso, toIsoOrNull } from './time';
import type {
	ActionRec,
	AuditRec,
	ContactRec,
	CustomerRec,
	CustomItemDef,
	CustomObjectDefRec,
	CustomObjectItemDef,
	CustomObjectRec,
	CustomValue,
	DealRec,
	DealTypeRec,
	NamedItem,
	UserGroupRec,
	UserRec,
} from './types';

const DAY = 86_400_000;

type Ref = { id: number; name: string } | null;

/**
 * Storage records → the vendor's JSON. Field names and order follow the document's response
 * samples; where a sample collapses an object (`{}`), related objects are `{ id, name }` [proposed].
 */
export class Serializer {
	constructor(
		private readonly store: MazricaStore,
		private readonly now: () => number,
	) {}

	private named(item: NamedItem | undefined | null): Ref {
		return item ? { id: item.id, name: item.name } : null;
	}

	userRef(id: number | null): Ref {
		return id === null ? null : this.named(this.store.users.get(id));
	}

	/** [proposed] `[{ itemKey, value }]` — the document collapses the shape of `…Customs`. */
	customs(values: CustomValue[]): Array<{ itemKey: string; value: unknown }> {
		return values.map((v) => ({ itemKey: v.itemKey, value: v.value }));
	}

	/** [proposed] `{ id, itemKey, name, itemType, options? }` for customer/contact/deal custom items. */
	customItemDef(def: CustomItemDef): Record<string, unknown> {
		const out: Record<string, unknown> = {
			id: def.id,
			itemKey: def.itemKey,
			name: def.name,
			itemType: def.itemType,
		};
		if (def.itemType === 'single_select' || def.itemType === 'multi_select') {
			out.options = def.options.map((o) => ({ id: o.id, name: o.name }));
		}
		return out;
	}

	/** The documented action custom item shape; options are `{ id, name }` [proposed]. */
	actionCustomItem(def: CustomItemDef): Record<string, unknown> {
		return {
			id: def.id,
			itemKey: def.itemKey,
			itemType: def.itemType,
			name: def.name,
			actionCustomItemOptions: def.options.map((o) => ({ id: o.id, name: o.name })),
		};
	}

	/** [proposed] user shape. */
	user(user: UserRec): Record<string, unknown> {
		const role = user.roleId === null ? undefined : this.store.roles.get(user.roleId);
		return {
			id: user.id,
			name: user.name,
			email: user.email,
			role: role ? { id: role.id, name: role.name } : null,
			createdAt: toIso(user.createdAt),
			updatedAt: toIso(user.updatedAt),
		};
	}

	/** Documented `{ id, name, orderNum }`, plus `users` on the member endpoints (and lists [proposed]). */
	userGroup(group: UserGroupRec, withUsers: boolean): Record<string, unknown> {
		const out: Record<string, unknown> = {
			id: group.id,
			name: group.name,
			orderNum: group.orderNum,
		};
		if (withUsers)
			out.users = group.userIds.map((id) => this.userRef(id)).filter((u) => u !== null);
		return out;
	}

	/** The `GET /deal_setting/deal_types/{id}` shape; inner items are [proposed]. */
	dealTypeSettings(dealType: DealTypeRec): Record<string, unknown> {
		return {
			id: dealType.id,
			name: dealType.name,
			phases: dealType.phases.map((p) => ({
				id: p.id,
				name: p.name,
				orderNum: p.orderNum,
				endType: p.endType,
			})),
			products: dealType.products.map((p) => this.named(p)),
			probabilities: dealType.probabilities.map((p) => ({
				id: p.id,
				name: p.name,
				percentage: p.percentage,
			})),
			channels: dealType.channels.map((p) => this.named(p)),
			endPhaseReasons: dealType.endPhaseReasons.map((p) => this.named(p)),
			actionsPurposes: dealType.purposes.map((p) => ({
				id: p.id,
				name: p.name,
				pattern: this.named(this.store.actionPatterns.get(p.patternId)),
			})),
			dealCustomItems: dealType.customItems.map((d) => this.customItemDef(d)),
			dealProductDetailTypes: dealType.productDetailTypes.map((p) => this.named(p)),
		};
	}

	customer(c: CustomerRec): Record<string, unknown> {
		const role = c.ownerRoleId === null ? undefined : this.store.roles.get(c.ownerRoleId);
		return {
			id: c.id,
			name: c.name,
			address: c.address,
			telNo: c.telNo,
			webUrl: c.webUrl,
			employee: c.employee,
			capital: c.capital,
			closingMonth: c.closingMonth,
			ownerRole: role ? { id: role.id, name: role.name } : null,
			createdAt: toIso(c.createdAt),
			updatedAt: toIso(c.updatedAt),
			customerCustoms: this.customs(c.customs),
		};
	}

	deal(d: DealRec): Record<string, unknown> {
		const phase = this.store.phase(d.phaseId)?.phase;
		return {
			id: d.id,
			name: d.name,
			dealCode: d.dealCode,
			amount: d.amount,
			closingLeadtime: d.closingLeadtime,
			fromEmail: d.fromEmail,
			memo: d.memo,
			expectedContractDate: d.expectedContractDate,
			createdAt: toIso(d.createdAt),
			updatedAt: toIso(d.updatedAt),
			reason: d.reason,
			dealType: this.named(this.store.dealTypes.get(d.dealTypeId)),
			endPhaseReasons: d.endPhaseReasonIds.map((id) =>
				this.named(this.store.settingItem('endPhaseReasons', id)),
			),
			customer: this.named(this.store.customers.get(d.customerId)),
			phase: this.named(phase),
			// [proposed] days in the current phase.
			phaseStayDays: phase
				? [
						{
							phase: this.named(phase),
							days: Math.max(0, Math.floor((this.now() - d.phaseSince) / DAY)),
						},
					]
				: [],
			product: this.named(this.store.settingItem('products', d.productId)),
			probability: this.named(this.store.probability(d.probabilityId)),
			channel: this.named(this.store.settingItem('channels', d.channelId)),
			user: this.userRef(d.userId),
			dealCustoms: this.customs(d.customs),
			// [proposed] `{ dealProductDetailType: { id, name }, amount }`.
			dealProductDetails: d.productDetails.map((p) => ({
				dealProductDetailType: this.named(this.store.settingItem('productDetailTypes', p.typeId)),
				amount: p.amount,
			})),
		};
	}

	contact(c: ContactRec): Record<string, unknown> {
		return {
			id: c.id,
			name: c.name,
			email: c.email,
			tel: c.tel,
			mobileTel: c.mobileTel,
			address: c.address,
			dept: c.dept,
			position: c.position,
			memo: c.memo,
			marketoLeadScore: c.marketoLeadScore,
			customer: c.customerId === null ? null : this.named(this.store.customers.get(c.customerId)),
			createdAt: toIso(c.createdAt),
			updatedAt: toIso(c.updatedAt),
			contactCustoms: this.customs(c.customs),
			// [proposed] `{ lifecycleStageType: { id, name }, lifecycleStage: { id, name } }`.
			lifecycleStages: c.lifecycleStages.map((l) => {
				const type = this.store.lifecycleStageTypes.get(l.typeId);
				return {
					lifecycleStageType: this.named(type),
					lifecycleStage: this.named(type?.stages.find((s) => s.id === l.stageId)),
				};
			}),
		};
	}

	private actionTail(a: ActionRec): Record<string, unknown> {
		return {
			startDatetime: toIsoOrNull(a.startDatetime),
			createdAt: toIso(a.createdAt),
			updatedAt: toIso(a.updatedAt),
			preNote: a.preNote,
			endDatetime: toIsoOrNull(a.endDatetime),
			active: a.active,
			result: a.result,
			extraResult: a.extraResult,
			syncCalendar: a.syncCalendar,
		};
	}

	private people(a: ActionRec): Record<string, unknown> {
		return {
			creator: this.userRef(a.creatorId),
			invitees: a.inviteeIds.map((id) => this.userRef(id)).filter((u) => u !== null),
			actionCustoms: this.customs(a.customs),
		};
	}

	private contactRefs(ids: number[]): Ref[] {
		return ids.map((id) => this.named(this.store.contacts.get(id))).filter((c) => c !== null);
	}

	/** [proposed] `files: [{ id, name, size, contentType, url }]`, only with `include_files=1`. */
	private files(a: ActionRec, include: boolean): Record<string, unknown> {
		return include ? { files: a.files.map((f) => ({ ...f })) } : {};
	}

	/** Shape of `/customers/{customerId}/actions…`. */
	customerAction(a: ActionRec, includeFiles = false): Record<string, unknown> {
		return {
			id: a.id,
			pattern: this.named(this.store.actionPatterns.get(a.patternId)),
			contacts: this.contactRefs(a.contactIds),
			customer: a.customerId === null ? null : this.named(this.store.customers.get(a.customerId)),
			...this.actionTail(a),
			...this.people(a),
			...this.files(a, includeFiles),
		};
	}

	/** Shape of `/actions…` (案件アクション). */
	dealAction(a: ActionRec, includeFiles = false): Record<string, unknown> {
		const purpose = a.purposeId === null ? undefined : this.store.purpose(a.purposeId)?.purpose;
		return {
			id: a.id,
			pattern: this.named(this.store.actionPatterns.get(a.patternId)),
			purpose: this.named(purpose),
			deal: a.dealId === null ? null : this.named(this.store.deals.get(a.dealId)),
			...this.actionTail(a),
			contacts: this.contactRefs(a.contactIds),
			...this.people(a),
			...this.files(a, includeFiles),
		};
	}

	/**
	 * Shape of `/contacts/{contactId}/actions…`: `dataType` 1 for contact actions, 0 for deal
	 * actions the contact takes part in (then `contact` is that contact [proposed]).
	 */
	contactAction(
		a: ActionRec,
		viaContactId: number | null,
		includeFiles = false,
	): Record<string, unknown> {
		const contactId =
			a.kind === 'contact' ? a.contactId : (viaContactId ?? a.contactIds[0] ?? null);
		return {
			id: a.id,
			pattern: this.named(this.store.actionPatterns.get(a.patternId)),
			dataType: a.kind === 'contact' ? 1 : 0,
			deal: a.dealId === null ? null : this.named(this.store.deals.get(a.dealId)),
			contact: contactId === null ? null : this.named(this.store.contacts.get(contactId)),
			...this.actionTail(a),
			...this.people(a),
			...this.files(a, includeFiles),
		};
	}

	action(a: ActionRec, includeFiles = false): Record<string, unknown> {
		if (a.kind === 'customer') return this.customerAction(a, includeFiles);
		if (a.kind === 'deal') return this.dealAction(a, includeFiles);
		return this.contactAction(a, null, includeFiles);
	}

	customObjectItemDef(item: CustomObjectItemDef): Record<string, unknown> {
		return {
			key: item.key,
			name: item.name,
			itemType: item.itemType,
			// [proposed] options as `{ key, name }` (the document says "Array of Array of objects").
			customObjectOptionDefs: item.options.map((o) => ({ key: o.key, name: o.name })),
		};
	}

	customObjectDef(def: CustomObjectDefRec): Record<string, unknown> {
		return {
			key: def.key,
			name: def.name,
			enableBi: def.enableBi,
			createdAt: toIso(def.createdAt),
			updatedAt: toIso(def.updatedAt),
			customObjectItemDefs: def.items.map((i) => this.customObjectItemDef(i)),
		};
	}

	/** `{ id, createdAt, updatedAt, <itemKey>: value … }`; unset items are null [proposed]. */
	customObject(record: CustomObjectRec): Record<string, unknown> {
		const def = this.store.customObjectDefs.get(record.defKey);
		const values: Record<string, unknown> = {};
		for (const item of def?.items ?? []) values[item.key] = record.values[item.key] ?? null;
		return {
			id: record.id,
			createdAt: toIso(record.createdAt),
			updatedAt: toIso(record.updatedAt),
			...values,
		};
	}

	/** [proposed] audit entry shape. */
	audit(entry: AuditRec): Record<string, unknown> {
		return {
			id: entry.id,
			createdAt: toIso(entry.at),
			user: this.userRef(entry.userId),
			operation: entry.operation,
			targetType: entry.targetType,
			targetId: entry.targetId,
			targetName: entry.targetName,
			source: entry.source,
		};
	}
}
