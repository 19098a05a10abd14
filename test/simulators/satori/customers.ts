import { crypto } from '../../platform/node';
import type { CustomerTable } from './customer-table';
import { fail, MESSAGES, validation } from './errors';
import type { CustomerRec, Permission, SatoriUser, Tenant } from './types';

/** One customer as a call or a CSV row describes it, empty values already dropped. */
export interface CustomerInput {
	identityType: 'email' | 'hashcode';
	identity: string;
	/** Standard items by v4 name, the identity column included when given. */
	items: Record<string, string>;
	custom: Record<string, string>;
	appendTags: string[];
	deleteTags: string[];
}

const EMAIL = /^[\x21-\x7e]+@[\x21-\x7e]+\.[\x21-\x7e]+$/;
const ITEM_NAME = /^[a-z][a-z0-9_]*$/;

function tags(value: string | undefined): string[] {
	return (value ?? '')
		.split(',')
		.map((tag) => tag.trim())
		.filter(Boolean);
}

function checkEmail(email: string): void {
	if (email.length > 255) validation('メールアドレスは255文字以内で入力してください。');
	if (!EMAIL.test(email)) validation('メールアドレスの形式が正しくありません。');
}

/**
 * Reads `customer[...]` fields (or one CSV row) into a checked input (spec §5.1, §12.5): identity
 * type and value, email rules, date and delivery values, custom items that exist in the tenant.
 * Empty values are ignored: they never overwrite (spec §5.2, §5.4).
 */
export function readCustomerInput(
	fields: Record<string, string>,
	identityType: string,
	tenant: Tenant,
): CustomerInput {
	if (identityType !== 'email' && identityType !== 'hashcode') {
		validation('identity_type は email または hashcode を指定してください。');
	}
	const identity = (fields[identityType] ?? '').trim();
	if (!identity) {
		validation(
			identityType === 'email' ? 'メールアドレスを入力してください。' : 'ハッシュコードを入力してください。',
		);
	}
	const input: CustomerInput = {
		identityType,
		identity,
		items: {},
		custom: {},
		appendTags: [],
		deleteTags: [],
	};
	for (const [name, raw] of Object.entries(fields)) {
		const value = raw ?? '';
		if (value === '' || name === 'identity_type' || name === 'hashcode') continue;
		if (name === 'append_tags') input.appendTags = tags(value);
		else if (name === 'delete_tags') input.deleteTags = tags(value);
		else if (name.startsWith('custom:')) {
			const key = name.slice('custom:'.length);
			if (!tenant.customItems.includes(key)) validation(`カスタム項目「${key}」は存在しません。`);
			input.custom[key] = value;
		} else if (ITEM_NAME.test(name)) {
			input.items[name] = value;
		} else {
			validation(`項目「${name}」は存在しません。`);
		}
	}
	if (input.items.email !== undefined) checkEmail(input.items.email);
	if (
		input.items.delivery_permission !== undefined &&
		!['approval', 'reject'].includes(input.items.delivery_permission)
	) {
		validation('メール配信可否は approval または reject を指定してください。');
	}
	if (
		input.items.collection_date !== undefined &&
		!/^\d{4}-\d{2}-\d{2}$/.test(input.items.collection_date)
	) {
		validation('情報獲得日はYYYY-MM-DD形式で入力してください。');
	}
	return input;
}

export interface WriteRules {
	tenant: Tenant;
	customers: CustomerTable;
	user: SatoriUser;
	now: number;
	/** The 2025-10-21/22 fault: registration of an existing email answers 400. */
	duplicateEmailBug: boolean;
	/** Bulk rows are covered by カスタマーの一括登録; single calls check each permission. */
	checkPermissions: boolean;
}

export function requirePermission(user: SatoriUser, permission: Permission): void {
	if (!user.permissions.includes(permission)) fail(403, MESSAGES.forbidden);
}

/** ※1 "自分のみ": only customers registered with the user's own key (or by the user). */
export function requireScope(user: SatoriUser, customer: CustomerRec): void {
	if (user.scope === 'own' && customer.ownerUserKey !== user.userKey) fail(403, MESSAGES.forbidden);
}

function emailTaken(customers: CustomerTable, email: string, except?: CustomerRec): boolean {
	const found = customers.find('email', email);
	return found !== undefined && found !== except;
}

/**
 * registration.json / upsert.json semantics (spec §5.1–5.2, §12.6): an unknown identity is
 * created (email identity only; the route is required then); an existing customer is, on
 * registration, only filled where empty (tags and delivery permission still change), on upsert
 * updated with every non-empty value.
 */
export function writeCustomer(
	kind: 'registration' | 'upsert',
	input: CustomerInput,
	rules: WriteRules,
): { customer: CustomerRec; created: boolean } {
	const { customers, user, now } = rules;
	if (input.identityType === 'email') checkEmail(input.identity);
	const existing = customers.find(input.identityType, input.identity);

	if (!existing) {
		if (input.identityType === 'hashcode') fail(404, MESSAGES.customerNotFound);
		if (rules.checkPermissions) requirePermission(user, 'createCustomer');
		if (!input.items.collection_route) validation('情報獲得経路を入力してください。');
		const email = input.items.email ?? input.identity;
		if (emailTaken(customers, email)) validation(MESSAGES.emailExists);
		const customer: CustomerRec = {
			hashcode: crypto.randomBytes(16).toString('hex'),
			email,
			items: { ...input.items },
			custom: { ...input.custom },
			tags: new Set(input.appendTags.filter((tag) => !input.deleteTags.includes(tag))),
			actions: [],
			ownerUserKey: user.userKey,
			createdAt: now,
			updatedAt: now,
		};
		delete customer.items.email;
		customers.add(customer);
		return { customer, created: true };
	}

	if (kind === 'registration' && rules.duplicateEmailBug && input.identityType === 'email') {
		validation(MESSAGES.emailExists);
	}
	if (rules.checkPermissions) {
		requirePermission(user, 'editCustomer');
		requireScope(user, existing);
	}
	const { email: newEmail, ...items } = input.items;
	if (newEmail !== undefined && newEmail.toLowerCase() !== existing.email.toLowerCase()) {
		if (emailTaken(customers, newEmail, existing)) validation(MESSAGES.emailExists);
		if (kind === 'upsert') customers.changeEmail(existing, newEmail);
	}
	const fillOnly = kind === 'registration';
	for (const [name, value] of Object.entries(items)) {
		const overwrite = !fillOnly || name === 'delivery_permission' || !existing.items[name];
		if (overwrite) existing.items[name] = value;
	}
	for (const [name, value] of Object.entries(input.custom)) {
		if (!fillOnly || !existing.custom[name]) existing.custom[name] = value;
	}
	for (const tag of input.appendTags) existing.tags.add(tag);
	for (const tag of input.deleteTags) existing.tags.delete(tag);
	existing.updatedAt = now;
	return { customer: existing, created: false };
}
