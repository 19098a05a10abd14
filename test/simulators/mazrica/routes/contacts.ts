import type { RouteContext } from '../context';
import { mergeCustoms, readCustoms } from '../customs';
import { LIFECYCLE_PLAN_MESSAGE } from '../errors';
import { isObject, jsonBody, Reader } from '../fields';
import {
	PAGE_SIZE,
	pageOf,
	pageParam,
	phoneDigits,
	rangeParam,
	sortRecords,
	within,
} from '../filters';
import { compileSearch, type SearchFields, type SearchSchema } from '../search';
import type { MazricaStore } from '../store';
import type { ContactRec, CustomValue, LifecycleAssignment, PlanFlags } from '../types';
import { created, found, idOf, ok } from './common';
import { customerSearchFields, customField } from './customers';

type ContactFields = Omit<ContactRec, 'id' | 'customs' | 'createdAt' | 'updatedAt'>;
type ContactPatch = Partial<ContactFields> & { customs?: CustomValue[] };

const TEXT_FIELDS = ['email', 'tel', 'mobileTel', 'address', 'dept', 'position', 'memo'] as const;

function readContact(
	reader: Reader,
	store: MazricaStore,
	mode: 'create' | 'update',
	plan: PlanFlags,
): ContactPatch {
	const patch: ContactPatch = {};
	const name = reader.string('name', { required: mode === 'create', nonEmpty: true });
	if (typeof name === 'string') patch.name = name;
	for (const key of TEXT_FIELDS) {
		const value = reader.string(key, { nullable: true });
		if (value !== undefined) patch[key] = value;
	}
	const customerId = reader.ref('customer', { nullable: true });
	if (customerId === null) patch.customerId = null;
	else if (typeof customerId === 'number') {
		if (store.customers.has(customerId)) patch.customerId = customerId;
		else reader.issues.add(`customer: customer ${customerId} not found`);
	}
	const customs = readCustoms(reader, 'contactCustoms', store.contactCustomItems);
	if (customs !== undefined) patch.customs = customs;

	// [proposed] `lifecycleStages: [{ "lifecycleStageType": { "id" }, "lifecycleStage": { "id" } }]`,
	// one per type; refused without the lifecycle plan.
	const stages = reader.array('lifecycleStages');
	if (stages !== undefined) {
		if (!plan.lifecycleStages && stages.length)
			reader.issues.add(`lifecycleStages: ${LIFECYCLE_PLAN_MESSAGE}`);
		const out: LifecycleAssignment[] = [];
		stages.forEach((entry, i) => {
			const typeId =
				isObject(entry) && isObject(entry.lifecycleStageType)
					? entry.lifecycleStageType.id
					: undefined;
			const stageId =
				isObject(entry) && isObject(entry.lifecycleStage) ? entry.lifecycleStage.id : undefined;
			const type = typeof typeId === 'number' ? store.lifecycleStageTypes.get(typeId) : undefined;
			if (!type || typeof typeId !== 'number')
				reader.issues.add(`lifecycleStages[${i}].lifecycleStageType: unknown type`);
			else if (typeof stageId !== 'number' || !type.stages.some((s) => s.id === stageId)) {
				reader.issues.add(`lifecycleStages[${i}].lifecycleStage: not a stage of type ${type.id}`);
			} else if (out.some((o) => o.typeId === typeId)) {
				reader.issues.add(`lifecycleStages[${i}]: type ${typeId} given twice`);
			} else out.push({ typeId, stageId });
		});
		patch.lifecycleStages = out;
	}
	return patch;
}

/** [proposed] fields a search `valueFilter` may name on contacts; `fieldreference: "customer"` reaches the customer's. */
function contactSearchSchema(store: MazricaStore): SearchSchema<ContactRec> {
	const fields: SearchFields<ContactRec> = {
		id: { type: 'number', get: (c) => c.id, sortable: true },
		name: { type: 'string', get: (c) => c.name, sortable: true },
		email: { type: 'string', get: (c) => c.email, sortable: true },
		tel: { type: 'string', get: (c) => c.tel, sortable: true },
		mobileTel: { type: 'string', get: (c) => c.mobileTel, sortable: true },
		address: { type: 'string', get: (c) => c.address, sortable: true },
		dept: { type: 'string', get: (c) => c.dept, sortable: true },
		position: { type: 'string', get: (c) => c.position, sortable: true },
		memo: { type: 'string', get: (c) => c.memo, sortable: true },
		marketoLeadScore: { type: 'number', get: (c) => c.marketoLeadScore, sortable: true },
		customerId: { type: 'number', get: (c) => c.customerId, sortable: true },
		createdAt: { type: 'datetime', get: (c) => c.createdAt, sortable: true },
		updatedAt: { type: 'datetime', get: (c) => c.updatedAt, sortable: true },
	};
	for (const def of store.contactCustomItems)
		fields[`contactCustoms.${def.itemKey}`] = customField<ContactRec>(def);
	return {
		resource: 'contacts',
		fields,
		references: {
			customer: {
				fields: customerSearchFields(store.customerCustomItems) as SearchFields<unknown>,
				resolve: (c) => (c.customerId === null ? undefined : store.customers.get(c.customerId)),
			},
		},
	};
}

const contactSortKeys = {
	updatedAt: (c: ContactRec) => c.updatedAt,
	createdAt: (c: ContactRec) => c.createdAt,
	id: (c: ContactRec) => c.id,
};

/** Contacts: list, search, CRUD. */
export function contactRoutes(ctx: RouteContext): void {
	const { store, serialize } = ctx;
	const contact = (id: number): ContactRec => found(store.contacts.get(id), 'contact', id);

	// #46 List: `searchWord` (customer name, contact name or email), `updatedAtFrom/To`,
	// `phoneNumber` (tel or mobile, hyphens and `(0)`/`局` forms ignored: digits must match [proposed]).
	ctx.route('GET', '/contacts', (req) => {
		const page = pageParam(req.query);
		const word = (req.query.get('searchWord') ?? '').toLowerCase();
		const updated = rangeParam(req.query, 'updatedAtFrom', 'updatedAtTo');
		const phone = phoneDigits(req.query.get('phoneNumber') ?? '');
		const list = [...store.contacts.values()].filter((c) => {
			if (!within(c.updatedAt, updated.from, updated.to)) return false;
			if (phone && ![c.tel, c.mobileTel].some((t) => t !== null && phoneDigits(t) === phone))
				return false;
			if (!word) return true;
			const customerName =
				c.customerId === null ? '' : (store.customers.get(c.customerId)?.name ?? '');
			return [c.name, c.email ?? '', customerName].some((text) =>
				text.toLowerCase().includes(word),
			);
		});
		const sorted = sortRecords(list, req.query.get('sort'), contactSortKeys, '-updatedAt');
		const body = pageOf(sorted, page, PAGE_SIZE, 'contacts', (c) => serialize.contact(c));
		// Q4: the document's sample is a bare array; behind a switch.
		return ok(ctx.contactsBareArray ? body.contacts : body);
	});

	// #47 Create (201).
	ctx.route('POST', '/contacts', (req) => {
		const reader = new Reader(jsonBody(req));
		const patch = readContact(reader, store, 'create', ctx.plan(req));
		reader.issues.throwIfAny();
		const now = ctx.now();
		const { customs, ...fields } = patch;
		const record: ContactRec = {
			id: store.nextId('contact'),
			name: '',
			email: null,
			tel: null,
			mobileTel: null,
			address: null,
			dept: null,
			position: null,
			memo: null,
			marketoLeadScore: null,
			customerId: null,
			lifecycleStages: [],
			...fields,
			customs: mergeCustoms([], customs),
			createdAt: now,
			updatedAt: now,
		};
		store.contacts.set(record.id, record);
		ctx.audit(req, 'create', 'contact', record.id, record.name);
		return created(serialize.contact(record));
	});

	// #48 Search; only `customer` may be a fieldreference (vendor doc). 100 per page [proposed].
	ctx.route('POST', '/contacts/search', (req) => {
		const search = compileSearch(jsonBody(req), contactSearchSchema(store));
		const list = [...store.contacts.values()].filter(search.predicate);
		const { compare } = search;
		const sorted = compare
			? list.sort((a, b) => compare(a, b) || a.id - b.id)
			: sortRecords(list, null, contactSortKeys, '-updatedAt');
		return ok(pageOf(sorted, search.page, PAGE_SIZE, 'contacts', (c) => serialize.contact(c)));
	});

	// #49
	ctx.route('GET', '/contacts/:id', (req) =>
		ok(serialize.contact(contact(idOf(req, 'id', 'contact')))),
	);

	// #50 Partial update.
	ctx.route('PATCH', '/contacts/:id', (req) => {
		const record = contact(idOf(req, 'id', 'contact'));
		const reader = new Reader(jsonBody(req));
		const patch = readContact(reader, store, 'update', ctx.plan(req));
		reader.issues.throwIfAny();
		const { customs, ...fields } = patch;
		Object.assign(record, fields);
		record.customs = mergeCustoms(record.customs, customs);
		record.updatedAt = ctx.now();
		ctx.audit(req, 'update', 'contact', record.id, record.name);
		return ok(serialize.contact(record));
	});

	// #51 Delete; the contact's own actions go too, deal links are removed [proposed]. Empty 200 body [proposed].
	ctx.route('DELETE', '/contacts/:id', (req) => {
		const record = contact(idOf(req, 'id', 'contact'));
		store.deleteContact(record.id);
		ctx.audit(req, 'delete', 'contact', record.id, record.name);
		return ok();
	});
}
