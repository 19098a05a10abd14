import { crypto } from '../../platform/node';
import type { CustomerRec, Tenant } from './types';
import { ALL_PERMISSIONS } from './types';

/** A random key as the admin screen issues one (`uk…`, `us…`, `ck…`, `cs…`). */
export const key = (prefix: string) => `${prefix}${crypto.randomBytes(12).toString('hex')}`;

/**
 * The demo company: an administrator with every permission, a sales user limited to her own
 * customers (自分のみ), and a user who may not use the bulk API. Custom items as an admin would
 * define them in the admin screen.
 */
export function demoTenant(): Tenant {
	return {
		name: 'デモ株式会社',
		companyKey: key('ck'),
		companySecret: key('cs'),
		customItems: ['custom_situation', 'industry', 'seminar', 'source_system'],
		users: [
			{ name: '管理者', userKey: key('uk'), userSecret: key('us'), permissions: [...ALL_PERMISSIONS], scope: 'all' },
			{
				name: '営業 花子 (自分のみ)',
				userKey: key('uk'),
				userSecret: key('us'),
				permissions: ['createCustomer', 'editCustomer', 'deleteCustomer', 'createAction'],
				scope: 'own',
			},
			{
				name: 'バルク不可ユーザー',
				userKey: key('uk'),
				userSecret: key('us'),
				permissions: ['createCustomer', 'editCustomer'],
				scope: 'all',
			},
		],
	};
}

const FAMILY = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤'];
const GIVEN = ['太郎', '花子', '一郎', '美咲', '健太', '由美', '翔', '愛', '大輔', '恵'];
const COMPANIES = ['株式会社サンプル', '日本テスト商事', '東京デモ工業', '大阪マーケティング', '札幌システムズ'];

/** Customers registered in the admin screen by the administrator (owner of "own only" rules). */
export function demoCustomers(tenant: Tenant, count: number, now: number): CustomerRec[] {
	const admin = tenant.users[0];
	return Array.from({ length: count }, (_, i) => ({
		hashcode: crypto.createHash('md5').update(`${tenant.companyKey}:${i}`).digest('hex'),
		email: `lead${String(i + 1).padStart(3, '0')}@example.co.jp`,
		items: {
			last_name: FAMILY[i % FAMILY.length],
			first_name: GIVEN[(i * 3) % GIVEN.length],
			lead_company_name: COMPANIES[i % COMPANIES.length],
			collection_route: i % 2 === 0 ? '資料請求フォーム' : '展示会',
			delivery_permission: 'approval',
		},
		custom: (i % 3 === 0 ? { industry: '製造業' } : {}) as Record<string, string>,
		tags: new Set(i % 4 === 0 ? ['展示会2025'] : []),
		actions: [],
		ownerUserKey: admin.userKey,
		createdAt: now - (count - i) * 86_400_000,
		updatedAt: now - (count - i) * 86_400_000,
	}));
}
