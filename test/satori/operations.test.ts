import { serveDuringTests } from '../kit/lifecycle';
import { DEFAULT_PATHS, SatoriSimulator } from '../simulators/satori/satori-simulator';
import { runSatori, satoriCredentials } from './setup';

/** Every SATORI operation through n8n-core's WorkflowExecute, against the simulator. */
const sim = serveDuringTests(new SatoriSimulator({ behaviour: { queueMs: 0, processingMs: 0 } }));
const P = DEFAULT_PATHS;

describe('Customer', () => {
	test('Create sends the four keys and customer[...] fields urlencoded and registers the customer', async () => {
		const result = await runSatori(satoriCredentials(sim), {
			resource: 'customer',
			operation: 'create',
			identityType: 'email',
			email: 'hanako@example.co.jp',
			collectionRoute: 'お問い合わせフォーム',
			customerFields: {
				last_name: '山田',
				first_name: '花子',
				lead_company_name: '株式会社サンプル',
				collection_date: '2026-04-01',
				delivery_permission: 'approval',
				append_tags: ' 資料請求 ,セミナー,',
			},
			customItems: { item: [{ name: 'industry', value: '小売' }, { name: 'custom:seminar', value: '4月' }] },
			otherItems: { item: [{ name: 'department', value: '営業部' }] },
		});
		expect(result.error?.message).toBeUndefined();
		const [request] = sim.received({ method: 'POST', path: P.customerRegistration });
		expect(request.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
		expect(request.body).toEqual({
			...sim.parametersOf(),
			'customer[identity_type]': 'email',
			'customer[email]': 'hanako@example.co.jp',
			'customer[collection_route]': 'お問い合わせフォーム',
			'customer[collection_date]': '2026-04-01',
			'customer[lead_company_name]': '株式会社サンプル',
			'customer[delivery_permission]': 'approval',
			'customer[first_name]': '花子',
			'customer[last_name]': '山田',
			'customer[append_tags]': '資料請求,セミナー',
			'customer[custom:industry]': '小売',
			'customer[custom:seminar]': '4月',
			'customer[department]': '営業部',
		});
		const stored = sim.customerByEmail('hanako@example.co.jp');
		expect(stored?.items).toEqual(
			expect.objectContaining({ last_name: '山田', department: '営業部', collection_route: 'お問い合わせフォーム' }),
		);
		expect(stored?.custom).toEqual({ industry: '小売', seminar: '4月' });
		expect([...(stored?.tags ?? [])]).toEqual(['資料請求', 'セミナー']);
		expect(result.items.map((i) => i.json)).toEqual([
			{ identity_type: 'email', email: 'hanako@example.co.jp', status: 200, message: 'OK' },
		]);
	});

	test('Create or Update creates an unknown email, then updates it; an object message gives the hashcode', async () => {
		sim.behaviour.successMessage = 'object';
		const setup = satoriCredentials(sim);
		const parameters = {
			resource: 'customer',
			operation: 'upsert',
			identityType: 'email',
			email: '={{ $json.email }}',
			collectionRoute: 'n8n',
			customerFields: { memo: '={{ $json.memo }}' },
		};
		const created = await runSatori(setup, parameters, [{ email: 'new@example.jp', memo: '最初' }]);
		const stored = sim.customerByEmail('new@example.jp');
		expect(created.items[0].json).toEqual({
			identity_type: 'email',
			email: 'new@example.jp',
			hashcode: stored?.hashcode,
			status: 200,
		});
		await runSatori(setup, parameters, [{ email: 'new@example.jp', memo: '更新' }]);
		expect(sim.customerByEmail('new@example.jp')?.items.memo).toBe('更新');
		expect(sim.customersOf().filter((c) => c.email === 'new@example.jp')).toHaveLength(1);
	});

	test('Delete by hashcode', async () => {
		const target = sim.customersOf()[0];
		const result = await runSatori(satoriCredentials(sim), {
			resource: 'customer',
			operation: 'delete',
			identityType: 'hashcode',
			hashcode: target.hashcode,
		});
		expect(result.items[0].json).toEqual(
			expect.objectContaining({ identity_type: 'hashcode', hashcode: target.hashcode, deleted: true, status: 200 }),
		);
		expect(sim.received({ path: P.customerDelete })[0].body).toEqual(
			expect.objectContaining({ 'customer[identity_type]': 'hashcode', 'customer[hashcode]': target.hashcode }),
		);
		expect(sim.customersOf().some((c) => c.hashcode === target.hashcode)).toBe(false);
	});

	test('bad input fails on its item, naming the field, before any request', async () => {
		const cases: Array<[Record<string, unknown>, RegExp]> = [
			// Required fields the editor checks can still come out empty from an expression.
			[{ operation: 'create', email: 'x@example.jp', collectionRoute: '={{ $json.none }}' }, /"Collection Route" is required/],
			[{ operation: 'upsert', email: '={{ $json.none }}' }, /"Email" is required/],
			[{ operation: 'upsert', email: 'not an address' }, /"Email" is not a valid address/],
			[{ operation: 'upsert', email: `${'a'.repeat(250)}@example.jp` }, /at most 255/],
			[{ operation: 'upsert', email: 'x@example.jp', customerFields: { collection_date: 'soon' } }, /"Collection Date" is not a date/],
			[{ operation: 'upsert', email: 'x@example.jp', customItems: { item: [{ name: '業種', value: 'v' }] } }, /invalid parameter name/],
			[{ operation: 'upsert', email: 'x@example.jp', otherItems: { item: [{ name: 'email', value: 'y@example.jp' }] } }, /cannot set email/],
		];
		for (const [parameters, message] of cases) {
			const result = await runSatori(satoriCredentials(sim), { resource: 'customer', identityType: 'email', ...parameters });
			expect(result.error?.message).toMatch(message);
		}
		expect(sim.requests).toHaveLength(0);
	});
});

describe('Customer Action', () => {
	test('Add sends action[...] with the time in Japan; the customer gets the action', async () => {
		const target = sim.customersOf()[1];
		const result = await runSatori(satoriCredentials(sim), {
			resource: 'customerAction',
			operation: 'add',
			identityType: 'email',
			email: target.email,
			actionName: 'Mazricaで商談化',
			actionFields: { detail: '案件 #12', url: 'https://example.jp/deals/12', datetime: '2026-04-01T01:30:00Z' },
		});
		expect(result.items[0].json).toEqual(expect.objectContaining({ action: 'Mazricaで商談化', status: 200 }));
		expect(target.actions).toEqual([
			{ name: 'Mazricaで商談化', detail: '案件 #12', url: 'https://example.jp/deals/12', datetime: '2026-04-01 10:30:00' },
		]);
	});

	test('Endpoint Path replaces a PROPOSED path', async () => {
		const moved = new SatoriSimulator({ paths: { addAction: '/api/v4/public/customer_action/add.json' } });
		await moved.start();
		try {
			const target = moved.customersOf()[0];
			const parameters = {
				resource: 'customerAction',
				operation: 'add',
				identityType: 'email',
				email: target.email,
				actionName: 'x',
			};
			const wrong = await runSatori(satoriCredentials(moved), parameters);
			expect(wrong.error?.message).toMatch(/^SATORI returned 404/);
			const right = await runSatori(satoriCredentials(moved), {
				...parameters,
				options: { endpointPath: 'api/v4/public/customer_action/add.json' },
			});
			expect(right.error).toBeUndefined();
			expect(target.actions).toHaveLength(1);
		} finally {
			await moved.stop();
		}
	});
});

describe('Customer (Bulk)', () => {
	test('Create or Update without waiting: one multipart CSV upload, one item with its process code', async () => {
		const input = [
			{ email: 'b1@example.jp', name: '一郎', note: 'カンマ, と "引用"' },
			{ email: 'b2@example.jp', name: '二郎', note: '' },
		];
		const result = await runSatori(satoriCredentials(sim), {
			resource: 'customerBulk',
			operation: 'upsert',
			identityType: 'email',
			email: '={{ $json.email }}',
			collectionRoute: 'CSV連携',
			customerFields: { last_name: '={{ $json.name }}', memo: '={{ $json.note }}' },
		}, input);
		expect(result.error).toBeUndefined();
		const [upload] = sim.received({ method: 'POST', path: P.bulkUpsert });
		expect(upload.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(upload.body).toEqual({ ...sim.parametersOf(), identity_type: 'email' });
		expect(upload.files).toEqual({
			customer_csv_file: { filename: 'customers.csv', contentType: 'text/csv', size: expect.any(Number) },
		});
		const [job] = sim.jobs.values();
		expect(job.rows).toEqual([
			{ email: 'b1@example.jp', collection_route: 'CSV連携', last_name: '一郎', memo: 'カンマ, と "引用"' },
			{ email: 'b2@example.jp', collection_route: 'CSV連携', last_name: '二郎', memo: '' },
		]);
		expect(result.items).toEqual([
			{
				json: { process_code: job.processCode, identity_type: 'email', rows: 2, status: 202, message: 'Accepted' },
				pairedItem: [{ item: 0 }, { item: 1 }],
			},
		]);
	});

	test('Register with Wait for Completion reports every item written', async () => {
		const result = await runSatori(satoriCredentials(sim), {
			resource: 'customerBulk',
			operation: 'register',
			identityType: 'email',
			email: '={{ $json.email }}',
			collectionRoute: '展示会',
			waitForCompletion: true,
			options: { pollIntervalSeconds: 1 },
		}, [{ email: 'r1@example.jp' }, { email: 'r2@example.jp' }]);
		expect(result.error).toBeUndefined();
		const code = [...sim.jobs.keys()][0];
		expect(result.items.map((i) => [i.json, i.pairedItem])).toEqual([
			[{ identity_type: 'email', email: 'r1@example.jp', collection_route: '展示会', process_code: code, process_status: 'finished' }, { item: 0 }],
			[{ identity_type: 'email', email: 'r2@example.jp', collection_route: '展示会', process_code: code, process_status: 'finished' }, { item: 1 }],
		]);
		expect(sim.received({ path: P.bulkRegistration })).toHaveLength(1);
		expect(sim.received({ method: 'GET', path: P.bulkStatus })[0].query).toEqual({
			...sim.parametersOf(),
			process_code: code,
		});
		expect(sim.customerByEmail('r2@example.jp')?.items.collection_route).toBe('展示会');
	});

	test('Get Status returns the status and failed rows of a job, in either answer shape', async () => {
		for (const shape of ['body', 'message'] as const) {
			sim.behaviour.bulkShape = shape;
			await runSatori(satoriCredentials(sim), {
				resource: 'customerBulk',
				operation: 'upsert',
				identityType: 'email',
				email: '={{ $json.email }}',
			}, [{ email: `new-${shape}@example.jp` }]);
			const code = [...sim.jobs.keys()].pop() as string;
			const result = await runSatori(satoriCredentials(sim), {
				resource: 'customerBulk',
				operation: 'getStatus',
				processCode: code,
			});
			expect(result.items[0].json).toEqual({
				process_code: code,
				process_status: 'finished',
				failed_rows: [{ row_number: 1, message: 'バリデーションに失敗しました。 情報獲得経路を入力してください。' }],
				status: 200,
				...(shape === 'body' ? { message: 'OK' } : {}),
			});
		}
	});
});
