import type { SimRequest } from '../../../kit/simulator';
import type { RouteContext } from '../context';
import { badRequest, notFound } from '../errors';
import { jsonBody, Reader } from '../fields';
import { intParam, PAGE_SIZE, pageOf, pageParam, sortRecords } from '../filters';
import type { ActionRec } from '../types';
import { bulkRows, created, found, idOf, ok, validateRows } from './common';
import {
	actionFilter,
	actionSortKeys,
	applyActionPatch,
	newAction,
	readAction,
} from './action-payload';

const includeFiles = (req: SimRequest): boolean => req.query.get('include_files') === '1';

/** `customerId` / `contactId` path segments accept `all` (vendor doc). */
function ownerParam(req: SimRequest, param: string, label: string): number | 'all' {
	return req.params[param] === 'all' ? 'all' : idOf(req, param, label);
}

/** Customer actions (#21–26), deal actions (#39–44), contact actions (#52–57). */
export function actionRoutes(ctx: RouteContext): void {
	const { store, serialize } = ctx;
	const all = (): ActionRec[] => [...store.actions.values()];
	const list = (req: SimRequest, items: ActionRec[], map: (a: ActionRec) => unknown) => {
		const page = pageParam(req.query);
		const sorted = sortRecords(items, req.query.get('sort'), actionSortKeys, '-updatedAt');
		return ok(pageOf(sorted, page, PAGE_SIZE, 'actions', map));
	};

	// ---- customer actions ---------------------------------------------------------------------
	const customerAction = (req: SimRequest): ActionRec => {
		const customerId = idOf(req, 'customerId', 'customer');
		const id = idOf(req, 'id', 'action');
		const action = store.actions.get(id);
		if (!action || action.kind !== 'customer' || action.customerId !== customerId) {
			notFound(`action ${id} of customer ${customerId} not found`);
		}
		return action;
	};

	// #26 Bulk (registered first: it shares a prefix with the per-customer paths). Rows name their
	// customer as `customer: { id }` [proposed].
	ctx.route('POST', '/customers/actions/bulk', (req) => {
		const rows = bulkRows(jsonBody(req), 'actions');
		const patches = validateRows(rows, (reader) => {
			const customerId = reader.ref('customer', { required: true });
			if (typeof customerId === 'number' && !store.customers.has(customerId)) {
				reader.issues.add(`customer: customer ${customerId} not found`);
			}
			return { customerId, patch: readAction(reader, store, 'customer', true) };
		});
		const now = ctx.now();
		return ok(
			patches.map(({ customerId, patch }) => {
				const action = newAction(
					store,
					'customer',
					{ ...patch, customerId: customerId as number },
					now,
				);
				store.actions.set(action.id, action);
				return action.id;
			}),
		);
	});

	// #21 `customerId` may be `all`; filters include `pattern`. Unknown customer → 404 [proposed].
	ctx.route('GET', '/customers/:customerId/actions', (req) => {
		const owner = ownerParam(req, 'customerId', 'customer');
		if (owner !== 'all') found(store.customers.get(owner), 'customer', owner);
		const keep = actionFilter(req.query, ['pattern']);
		const items = all().filter(
			(a) => a.kind === 'customer' && (owner === 'all' || a.customerId === owner) && keep(a),
		);
		return list(req, items, (a) => serialize.customerAction(a));
	});

	// #22 Create (201).
	ctx.route('POST', '/customers/:customerId/actions', (req) => {
		const customerId = idOf(req, 'customerId', 'customer');
		found(store.customers.get(customerId), 'customer', customerId);
		const reader = new Reader(jsonBody(req));
		const patch = readAction(reader, store, 'customer', true);
		reader.issues.throwIfAny();
		const action = newAction(store, 'customer', { ...patch, customerId }, ctx.now());
		store.actions.set(action.id, action);
		ctx.audit(req, 'create', 'customer_action', action.id, null);
		return created(serialize.customerAction(action));
	});

	// #23 `include_files=1` adds `files`.
	ctx.route('GET', '/customers/:customerId/actions/:id', (req) =>
		ok(serialize.customerAction(customerAction(req), includeFiles(req))),
	);

	// #24 Partial update.
	ctx.route('PATCH', '/customers/:customerId/actions/:id', (req) => {
		const action = customerAction(req);
		const reader = new Reader(jsonBody(req));
		const patch = readAction(reader, store, 'customer', false, action);
		reader.issues.throwIfAny();
		applyActionPatch(action, patch, ctx.now());
		ctx.audit(req, 'update', 'customer_action', action.id, null);
		return ok(serialize.customerAction(action));
	});

	// #25
	ctx.route('DELETE', '/customers/:customerId/actions/:id', (req) => {
		const action = customerAction(req);
		store.actions.delete(action.id);
		ctx.audit(req, 'delete', 'customer_action', action.id, null);
		return ok();
	});

	// ---- deal actions -------------------------------------------------------------------------
	const dealAction = (req: SimRequest): ActionRec => {
		const id = idOf(req, 'id', 'action');
		const action = store.actions.get(id);
		if (!action || action.kind !== 'deal') notFound(`action ${id} not found`);
		return action;
	};

	// #39 Filters include `purpose` and `dealId`.
	ctx.route('GET', '/actions', (req) => {
		const keep = actionFilter(req.query, ['purpose', 'dealId']);
		return list(
			req,
			all().filter((a) => a.kind === 'deal' && keep(a)),
			(a) => serialize.dealAction(a),
		);
	});

	// #40 Create (201). An unknown `deal` is a 404 — the document lists 404 on this path-less
	// endpoint [proposed reading]; other bad references are 400.
	ctx.route('POST', '/actions', (req) => {
		const body = jsonBody(req);
		const reader = new Reader(body);
		const patch = readAction(reader, store, 'deal', true);
		const dealId = new Reader(body).ref('deal');
		if (typeof dealId === 'number' && !store.deals.has(dealId))
			notFound(`deal ${dealId} not found`);
		reader.issues.throwIfAny();
		const action = newAction(store, 'deal', patch, ctx.now());
		store.actions.set(action.id, action);
		ctx.audit(req, 'create', 'deal_action', action.id, null);
		return created(serialize.dealAction(action));
	});

	// #44 Bulk: one `dealTypeId` for every row (vendor doc); deals of other types are row errors.
	ctx.route('POST', '/actions/bulk', (req) => {
		const body = jsonBody(req);
		const dealTypeId = body.dealTypeId;
		if (dealTypeId === undefined || dealTypeId === null) badRequest('dealTypeId is required');
		if (typeof dealTypeId !== 'number' || !Number.isInteger(dealTypeId))
			badRequest('dealTypeId must be an integer');
		if (!store.dealTypes.has(dealTypeId))
			badRequest(`dealTypeId: deal type ${dealTypeId} not found`);
		const rows = bulkRows(body, 'actions');
		const patches = validateRows(rows, (reader) => {
			const patch = readAction(reader, store, 'deal', true);
			const deal =
				patch.dealId === undefined || patch.dealId === null
					? undefined
					: store.deals.get(patch.dealId);
			if (deal && deal.dealTypeId !== dealTypeId) {
				reader.issues.add(
					`deal: deal ${deal.id} is of deal type ${deal.dealTypeId}, not ${dealTypeId}`,
				);
			}
			return patch;
		});
		const now = ctx.now();
		return ok(
			patches.map((patch) => {
				const action = newAction(store, 'deal', patch, now);
				store.actions.set(action.id, action);
				return action.id;
			}),
		);
	});

	// #41
	ctx.route('GET', '/actions/:id', (req) =>
		ok(serialize.dealAction(dealAction(req), includeFiles(req))),
	);

	// #42 Q8: `startDatetime`, `endDatetime`, `creator`, `purpose`, `deal` are required on update too.
	ctx.route('PATCH', '/actions/:id', (req) => {
		const action = dealAction(req);
		const reader = new Reader(jsonBody(req));
		const patch = readAction(reader, store, 'deal', true, action);
		reader.issues.throwIfAny();
		applyActionPatch(action, patch, ctx.now());
		ctx.audit(req, 'update', 'deal_action', action.id, null);
		return ok(serialize.dealAction(action));
	});

	// #43
	ctx.route('DELETE', '/actions/:id', (req) => {
		const action = dealAction(req);
		store.actions.delete(action.id);
		ctx.audit(req, 'delete', 'deal_action', action.id, null);
		return ok();
	});

	// ---- contact actions ----------------------------------------------------------------------
	/** Contact actions of the contact (dataType 1) and deal actions it takes part in (dataType 0). */
	const ofContact = (action: ActionRec, contactId: number | 'all'): boolean =>
		action.kind === 'contact'
			? contactId === 'all' || action.contactId === contactId
			: action.kind === 'deal' &&
				(contactId === 'all'
					? action.contactIds.length > 0
					: action.contactIds.includes(contactId));

	const contactAction = (
		req: SimRequest,
		ownOnly: boolean,
	): { action: ActionRec; contactId: number } => {
		const contactId = idOf(req, 'contactId', 'contact');
		const id = idOf(req, 'id', 'action');
		const action = store.actions.get(id);
		if (!action || !ofContact(action, contactId) || (ownOnly && action.kind !== 'contact')) {
			notFound(`action ${id} of contact ${contactId} not found`);
		}
		return { action, contactId };
	};

	// #57 Bulk; rows name their contact as `contact: { id }` [proposed].
	ctx.route('POST', '/contacts/actions/bulk', (req) => {
		const rows = bulkRows(jsonBody(req), 'actions');
		const patches = validateRows(rows, (reader) => {
			const contactId = reader.ref('contact', { required: true });
			if (typeof contactId === 'number' && !store.contacts.has(contactId)) {
				reader.issues.add(`contact: contact ${contactId} not found`);
			}
			return { contactId, patch: readAction(reader, store, 'contact', true) };
		});
		const now = ctx.now();
		return ok(
			patches.map(({ contactId, patch }) => {
				const action = newAction(
					store,
					'contact',
					{ ...patch, contactId: contactId as number },
					now,
				);
				store.actions.set(action.id, action);
				return action.id;
			}),
		);
	});

	// #52 `contactId` may be `all`; `dataType` 0 = deal actions with the contact, 1 = contact
	// actions; without it both [proposed].
	ctx.route('GET', '/contacts/:contactId/actions', (req) => {
		const owner = ownerParam(req, 'contactId', 'contact');
		if (owner !== 'all') found(store.contacts.get(owner), 'contact', owner);
		const dataType = intParam(req.query, 'dataType') ?? intParam(req.query, 'data_type');
		if (dataType !== undefined && dataType !== 0 && dataType !== 1)
			badRequest('dataType must be 0 or 1');
		const keep = actionFilter(req.query, ['pattern']);
		const items = all().filter(
			(a) =>
				ofContact(a, owner) &&
				(dataType === undefined || (dataType === 1) === (a.kind === 'contact')) &&
				keep(a),
		);
		return list(req, items, (a) => serialize.contactAction(a, owner === 'all' ? null : owner));
	});

	// #53 Create (201).
	ctx.route('POST', '/contacts/:contactId/actions', (req) => {
		const contactId = idOf(req, 'contactId', 'contact');
		found(store.contacts.get(contactId), 'contact', contactId);
		const reader = new Reader(jsonBody(req));
		const patch = readAction(reader, store, 'contact', true);
		reader.issues.throwIfAny();
		const action = newAction(store, 'contact', { ...patch, contactId }, ctx.now());
		store.actions.set(action.id, action);
		ctx.audit(req, 'create', 'contact_action', action.id, null);
		return created(serialize.contactAction(action, contactId));
	});

	// #54 Also answers for deal actions the contact is on (dataType 0) [proposed].
	ctx.route('GET', '/contacts/:contactId/actions/:id', (req) => {
		const { action, contactId } = contactAction(req, false);
		return ok(serialize.contactAction(action, contactId, includeFiles(req)));
	});

	// #55 Only the contact's own actions; deal actions are edited through /actions [proposed].
	ctx.route('PATCH', '/contacts/:contactId/actions/:id', (req) => {
		const { action, contactId } = contactAction(req, true);
		const reader = new Reader(jsonBody(req));
		const patch = readAction(reader, store, 'contact', false, action);
		reader.issues.throwIfAny();
		applyActionPatch(action, patch, ctx.now());
		ctx.audit(req, 'update', 'contact_action', action.id, null);
		return ok(serialize.contactAction(action, contactId));
	});

	// #56
	ctx.route('DELETE', '/contacts/:contactId/actions/:id', (req) => {
		const { action } = contactAction(req, true);
		store.actions.delete(action.id);
		ctx.audit(req, 'delete', 'contact_action', action.id, null);
		return ok();
	});
}
