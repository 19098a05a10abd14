import type { RouteContext } from '../context';
import { mergeCustoms, readCustoms } from '../customs';
import { badRequest, notFound } from '../errors';
import { isObject, jsonBody, Reader } from '../fields';
import {
	dealsLimitParam,
	intParam,
	PAGE_SIZE,
	pageOf,
	pageParam,
	rangeParam,
	sortRecords,
	within,
} from '../filters';
import type { MazricaStore } from '../store';
import type { CustomValue, DealProductDetail, DealRec, DealTypeRec } from '../types';
import { bulkRows, created, found, idOf, ok, validateRows } from './common';

const DAY = 86_400_000;

type DealFields = Omit<
	DealRec,
	'id' | 'dealCode' | 'customs' | 'createdAt' | 'updatedAt' | 'phaseSince'
>;
export type DealPatch = Partial<DealFields> & { customs?: CustomValue[] };

/**
 * Reads a deal body. On create every documented required field must be there (`dealType`,
 * `name`, `expectedContractDate`, `customer`, `phase`, `product`, `probability`, `channel`,
 * `user`); `fixedDealTypeId` is the type from a bulk path. Phases, products, probabilities,
 * channels, end-phase reasons and detail types must belong to the deal's type [proposed].
 */
export function readDeal(
	reader: Reader,
	store: MazricaStore,
	mode: 'create' | 'update',
	fixedDealTypeId?: number,
	existing?: DealRec,
): DealPatch {
	const required = mode === 'create';
	const patch: DealPatch = {};
	const dealTypeId = reader.ref('dealType', {
		required: required && fixedDealTypeId === undefined,
	});
	if (typeof dealTypeId === 'number') {
		if (fixedDealTypeId !== undefined && dealTypeId !== fixedDealTypeId) {
			reader.issues.add(
				`dealType: ${dealTypeId} differs from the deal type ${fixedDealTypeId} of the request path`,
			);
		} else patch.dealTypeId = dealTypeId;
	}
	const finalTypeId = patch.dealTypeId ?? fixedDealTypeId ?? existing?.dealTypeId;
	const dealType: DealTypeRec | undefined =
		finalTypeId === undefined ? undefined : store.dealTypes.get(finalTypeId);
	if (finalTypeId !== undefined && !dealType)
		reader.issues.add(`dealType: deal type ${finalTypeId} not found`);

	const name = reader.string('name', { required, nonEmpty: true });
	if (typeof name === 'string') patch.name = name;
	const amount = reader.integer('amount', { nullable: true, min: 0 });
	if (amount !== undefined) patch.amount = amount;
	const date = reader.date('expectedContractDate', { required });
	if (date !== undefined) patch.expectedContractDate = date;
	const reason = reader.string('reason', { nullable: true });
	if (reason !== undefined) patch.reason = reason;

	const customerId = reader.ref('customer', { required });
	if (typeof customerId === 'number') {
		if (store.customers.has(customerId)) patch.customerId = customerId;
		else reader.issues.add(`customer: customer ${customerId} not found`);
	}
	const userId = reader.ref('user', { required });
	if (typeof userId === 'number') {
		if (store.users.has(userId)) patch.userId = userId;
		else reader.issues.add(`user: user ${userId} not found`);
	}

	const inType = (
		key: 'phase' | 'product' | 'probability' | 'channel',
		list: (t: DealTypeRec) => Array<{ id: number }>,
		current: number | undefined,
	): number | undefined => {
		const id = reader.ref(key, { required });
		const finalId = typeof id === 'number' ? id : current;
		if (dealType && finalId !== undefined && !list(dealType).some((item) => item.id === finalId)) {
			reader.issues.add(
				typeof id === 'number'
					? `${key}: ${key} ${id} not found in deal type ${dealType.id}`
					: `${key} is required when dealType changes (current ${key} ${finalId} is not in deal type ${dealType.id})`,
			);
			return undefined;
		}
		return typeof id === 'number' ? id : undefined;
	};
	const phaseId = inType('phase', (t) => t.phases, existing?.phaseId);
	if (phaseId !== undefined) patch.phaseId = phaseId;
	const productId = inType('product', (t) => t.products, existing?.productId);
	if (productId !== undefined) patch.productId = productId;
	const probabilityId = inType('probability', (t) => t.probabilities, existing?.probabilityId);
	if (probabilityId !== undefined) patch.probabilityId = probabilityId;
	const channelId = inType('channel', (t) => t.channels, existing?.channelId);
	if (channelId !== undefined) patch.channelId = channelId;

	const reasonIds = reader.integers('endPhaseReasonIds');
	if (Array.isArray(reasonIds)) {
		const unknown = reasonIds.filter((id) => !dealType?.endPhaseReasons.some((r) => r.id === id));
		if (unknown.length)
			reader.issues.add(`endPhaseReasonIds: unknown end-phase reason(s) ${unknown.join(', ')}`);
		else patch.endPhaseReasonIds = reasonIds;
	}

	// [proposed] `dealProductDetails: [{ "dealProductDetailType": { "id" }, "amount" }]`
	const details = reader.array('dealProductDetails');
	if (details !== undefined) {
		const out: DealProductDetail[] = [];
		details.forEach((entry, i) => {
			const typeId =
				isObject(entry) && isObject(entry.dealProductDetailType)
					? entry.dealProductDetailType.id
					: undefined;
			const value = isObject(entry) ? entry.amount : undefined;
			if (
				typeof typeId !== 'number' ||
				!dealType?.productDetailTypes.some((t) => t.id === typeId)
			) {
				reader.issues.add(`dealProductDetails[${i}].dealProductDetailType: unknown detail type`);
			} else if (typeof value !== 'number' || !Number.isInteger(value)) {
				reader.issues.add(`dealProductDetails[${i}].amount must be an integer`);
			} else out.push({ typeId, amount: value });
		});
		patch.productDetails = out;
	}

	const customs = readCustoms(reader, 'dealCustoms', dealType?.customItems ?? []);
	if (customs !== undefined) patch.customs = customs;
	return patch;
}

function newDeal(store: MazricaStore, patch: DealPatch, dealTypeId: number, now: number): DealRec {
	const id = store.nextId('deal');
	const deal: DealRec = {
		id,
		dealTypeId,
		name: patch.name ?? '',
		dealCode: `D-${String(id).padStart(6, '0')}`,
		amount: patch.amount ?? null,
		closingLeadtime: null,
		fromEmail: false,
		memo: null,
		expectedContractDate: patch.expectedContractDate ?? '',
		reason: patch.reason ?? null,
		endPhaseReasonIds: patch.endPhaseReasonIds ?? [],
		customerId: patch.customerId ?? 0,
		phaseId: patch.phaseId ?? 0,
		phaseSince: now,
		productId: patch.productId ?? 0,
		probabilityId: patch.probabilityId ?? 0,
		channelId: patch.channelId ?? 0,
		userId: patch.userId ?? 0,
		customs: mergeCustoms([], patch.customs),
		productDetails: patch.productDetails ?? [],
		createdAt: now,
		updatedAt: now,
	};
	settleLeadtime(store, deal, now);
	return deal;
}

/** [proposed] `closingLeadtime`: days from creation to a won phase. */
function settleLeadtime(store: MazricaStore, deal: DealRec, now: number): void {
	const endType = store.phase(deal.phaseId)?.phase.endType;
	deal.closingLeadtime = endType === 'won' ? Math.floor((now - deal.createdAt) / DAY) : null;
}

function applyDealPatch(store: MazricaStore, deal: DealRec, patch: DealPatch, now: number): void {
	const { customs, ...fields } = patch;
	const phaseChanged = fields.phaseId !== undefined && fields.phaseId !== deal.phaseId;
	Object.assign(deal, fields);
	// A type change drops values of items the new type does not define [proposed].
	const defs = store.dealTypes.get(deal.dealTypeId)?.customItems ?? [];
	deal.customs = mergeCustoms(deal.customs, customs).filter((v) =>
		defs.some((d) => d.itemKey === v.itemKey),
	);
	if (phaseChanged) {
		deal.phaseSince = now;
		settleLeadtime(store, deal, now);
	}
	deal.updatedAt = now;
}

/** Deals, deal bulk create/update, deal contacts. */
export function dealRoutes(ctx: RouteContext): void {
	const { store, serialize } = ctx;
	const deal = (id: number): DealRec => found(store.deals.get(id), 'deal', id);

	// #29 List: `searchWord` (customer or deal name), `dealTypeId`, `updatedAtFrom/To`, `limit` ≤ 1000.
	ctx.route('GET', '/deals', (req) => {
		const page = pageParam(req.query);
		const limit = dealsLimitParam(req.query);
		const word = (req.query.get('searchWord') ?? '').toLowerCase();
		const dealTypeId = intParam(req.query, 'dealTypeId');
		const updated = rangeParam(req.query, 'updatedAtFrom', 'updatedAtTo');
		const list = [...store.deals.values()].filter((d) => {
			if (dealTypeId !== undefined && d.dealTypeId !== dealTypeId) return false;
			if (!within(d.updatedAt, updated.from, updated.to)) return false;
			if (!word) return true;
			const customerName = store.customers.get(d.customerId)?.name ?? '';
			return d.name.toLowerCase().includes(word) || customerName.toLowerCase().includes(word);
		});
		const sorted = sortRecords(
			list,
			req.query.get('sort'),
			{ updatedAt: (d) => d.updatedAt, createdAt: (d) => d.createdAt, id: (d) => d.id },
			'-updatedAt',
		);
		return ok(pageOf(sorted, page, limit, 'deals', (d) => serialize.deal(d)));
	});

	// #30 Create (201).
	ctx.route('POST', '/deals', (req) => {
		const reader = new Reader(jsonBody(req));
		const patch = readDeal(reader, store, 'create');
		reader.issues.throwIfAny();
		const record = newDeal(store, patch, patch.dealTypeId as number, ctx.now());
		store.deals.set(record.id, record);
		ctx.audit(req, 'create', 'deal', record.id, record.name);
		return created(serialize.deal(record));
	});

	// #31
	ctx.route('GET', '/deals/:id', (req) => ok(serialize.deal(deal(idOf(req, 'id', 'deal')))));

	// #32 Partial update.
	ctx.route('PATCH', '/deals/:id', (req) => {
		const record = deal(idOf(req, 'id', 'deal'));
		const reader = new Reader(jsonBody(req));
		const patch = readDeal(reader, store, 'update', undefined, record);
		reader.issues.throwIfAny();
		applyDealPatch(store, record, patch, ctx.now());
		ctx.audit(req, 'update', 'deal', record.id, record.name);
		return ok(serialize.deal(record));
	});

	// #33 Delete with the deal's actions (vendor doc). Empty 200 body [proposed].
	ctx.route('DELETE', '/deals/:id', (req) => {
		const record = deal(idOf(req, 'id', 'deal'));
		store.deleteDeal(record.id);
		ctx.audit(req, 'delete', 'deal', record.id, record.name);
		return ok();
	});

	const dealTypeOfPath = (raw: string): DealTypeRec => {
		if (!/^\d+$/.test(raw)) notFound(`deal type ${raw} not found`);
		return found(store.dealTypes.get(Number(raw)), 'deal type', raw);
	};

	// #34 Bulk create for one deal type: all-or-nothing, no audit entries.
	ctx.route('POST', '/deal_types/:deal_type_id/deals/bulk', (req) => {
		const dealType = dealTypeOfPath(req.params.deal_type_id);
		const rows = bulkRows(jsonBody(req), 'deals');
		const patches = validateRows(rows, (reader) => readDeal(reader, store, 'create', dealType.id));
		const now = ctx.now();
		return ok(
			patches.map((patch) => {
				const record = newDeal(store, patch, dealType.id, now);
				store.deals.set(record.id, record);
				return record.id;
			}),
		);
	});

	// #35 Bulk update for one deal type; each row carries its `id` [proposed].
	ctx.route('PATCH', '/deal_types/:deal_type_id/deals/bulk', (req) => {
		const dealType = dealTypeOfPath(req.params.deal_type_id);
		const rows = bulkRows(jsonBody(req), 'deals');
		const seen = new Set<number>();
		const updates = validateRows(rows, (reader) => {
			const id = reader.integer('id', { required: true });
			if (typeof id !== 'number') return undefined;
			const existing = store.deals.get(id);
			if (!existing) {
				reader.issues.add(`id: deal ${id} not found`);
				return undefined;
			}
			if (existing.dealTypeId !== dealType.id) {
				reader.issues.add(
					`id: deal ${id} belongs to deal type ${existing.dealTypeId}, not ${dealType.id}`,
				);
			}
			if (seen.has(id)) reader.issues.add(`id: deal ${id} appears more than once`);
			seen.add(id);
			return { record: existing, patch: readDeal(reader, store, 'update', dealType.id, existing) };
		});
		const now = ctx.now();
		return ok(
			updates.map(({ record, patch }) => {
				applyDealPatch(store, record, patch, now);
				return record.id;
			}),
		);
	});

	// #36 Contacts of a deal. No `page` parameter is documented but the answer is paged (Q6);
	// `page` is honoured [proposed]. Order: contact id [proposed].
	ctx.route('GET', '/deals/:dealId/contacts', (req) => {
		const record = deal(idOf(req, 'dealId', 'deal'));
		const page = pageParam(req.query);
		const contacts = [...store.contactsOfDeal(record.id)]
			.sort((a, b) => a - b)
			.map((id) => store.contacts.get(id))
			.filter((c) => c !== undefined);
		return ok(pageOf(contacts, page, PAGE_SIZE, 'contacts', (c) => serialize.contact(c)));
	});

	// #37 Link (201, empty body [proposed]); an existing link is a 400 [proposed].
	ctx.route('POST', '/deals/:dealId/contacts/:contactId', (req) => {
		const record = deal(idOf(req, 'dealId', 'deal'));
		const contactId = idOf(req, 'contactId', 'contact');
		const contact = found(store.contacts.get(contactId), 'contact', contactId);
		const links = store.contactsOfDeal(record.id);
		if (links.has(contactId))
			badRequest(`contact ${contactId} is already linked to deal ${record.id}`);
		links.add(contactId);
		ctx.audit(req, 'create', 'deal_contact', record.id, contact.name);
		return created();
	});

	// #38 Unlink only; the contact stays (vendor doc). Not linked → 404 [proposed].
	ctx.route('DELETE', '/deals/:dealId/contacts/:contactId', (req) => {
		const record = deal(idOf(req, 'dealId', 'deal'));
		const contactId = idOf(req, 'contactId', 'contact');
		const contact = found(store.contacts.get(contactId), 'contact', contactId);
		const links = store.contactsOfDeal(record.id);
		if (!links.has(contactId)) notFound(`contact ${contactId} is not linked to deal ${record.id}`);
		links.delete(contactId);
		ctx.audit(req, 'delete', 'deal_contact', record.id, contact.name);
		return ok();
	});
}
