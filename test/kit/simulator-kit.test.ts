import { request } from 'undici';

import { delay, net } from '../platform/node';

import { SimulatorAdmin } from './admin-client';
import { Simulator, SimHttpError } from './simulator';
import { DailyQuota, GatewayTokenBucket } from './token-bucket';

/** The kit itself: routes, faults and the request log, driven over HTTP as the e2e suite will. */
const sim = new Simulator('kit');
let counter = 0;
sim.route('GET', '/things/:id', (req) => {
	if (req.params.id === '404') throw new SimHttpError(404, { error: 'Not Found' });
	return { body: { id: req.params.id, q: req.query.getAll('users[]id') } };
});
sim.route('POST', '/counter', () => ({ status: 201, body: { value: ++counter } }));
sim.route('POST', '/upload', (req) => ({
	body: {
		fields: req.body,
		files: Object.fromEntries(
			Object.entries(req.files).map(([name, file]) => [
				name,
				{ filename: file.filename, contentType: file.contentType, hex: file.bytes.toString('hex') },
			]),
		),
	},
}));
const admin = () => new SimulatorAdmin(sim.url);

beforeAll(async () => {
	await sim.start();
});
afterAll(async () => {
	await sim.stop();
});
beforeEach(async () => {
	await admin().reset();
	counter = 0;
});

async function get(path: string) {
	const res = await request(`${sim.url}${path}`);
	return { status: res.statusCode, headers: res.headers, text: await res.body.text() };
}

test('routes take path params and repeated query keys; unknown paths are 404', async () => {
	expect(JSON.parse((await get('/things/7?users[]id=1&users[]id=2')).text)).toEqual({
		id: '7',
		q: ['1', '2'],
	});
	expect((await get('/things/404')).status).toBe(404);
	expect((await get('/nowhere')).status).toBe(404);
});

test('a respond fault answers instead of the route, with headers, for `times` requests after `skip`', async () => {
	await admin().inject({
		path: '/things',
		skip: 1,
		times: 2,
		respond: { status: 429, headers: { 'retry-after': '7' }, body: { e: 1 } },
	});
	const statuses = [];
	for (let i = 0; i < 4; i++) statuses.push((await get('/things/1')).status);
	expect(statuses).toEqual([200, 429, 429, 200]);
	const log = await admin().requests();
	expect(log.map((r) => r.fault ?? null)).toEqual([null, 'respond', 'respond', null]);
});

test('reset before: nothing happens on the server; reset after: the write happened but no answer came', async () => {
	await admin().inject({ method: 'POST', path: '/counter', reset: 'before' });
	await expect(request(`${sim.url}/counter`, { method: 'POST' })).rejects.toThrow();
	expect(counter).toBe(0);
	await admin().inject({ method: 'POST', path: '/counter', reset: 'after' });
	await expect(request(`${sim.url}/counter`, { method: 'POST' })).rejects.toThrow();
	expect(counter).toBe(1);
	expect((await admin().requests()).map((r) => r.status)).toEqual(['reset', 'reset']);
});

test('hang: no answer; the write happens only once the client gives up, and idle() waits for it', async () => {
	await admin().inject({ method: 'POST', path: '/counter', hang: true });
	const giveUp = new AbortController();
	const sent = request(`${sim.url}/counter`, { method: 'POST', signal: giveUp.signal });
	// The request is held: asking the server something else still gets an answer meanwhile.
	expect((await get('/things/1')).status).toBe(200);
	expect(counter).toBe(0);
	giveUp.abort();
	await expect(sent).rejects.toThrow();
	await sim.idle();
	expect(counter).toBe(1);
	const log = await admin().requests();
	expect(log.map((r) => [r.path, r.status, r.routeStatus, r.fault ?? null])).toEqual([
		['/counter', 'unanswered', 201, 'hang'],
		['/things/1', 200, 200, null],
	]);
});

test('routeStatus is what the route answered, also when a fault dropped or garbled it', async () => {
	await admin().inject({ method: 'POST', path: '/counter', reset: 'after' });
	await expect(request(`${sim.url}/counter`, { method: 'POST' })).rejects.toThrow();
	await admin().inject({ path: '/things/1', malformed: true });
	await get('/things/1');
	await admin().inject({ path: '/things/2', respond: { status: 503 } });
	await get('/things/2');
	const log = await admin().requests();
	expect(log.map((r) => [r.status, r.routeStatus ?? null])).toEqual([
		['reset', 201],
		[200, 200],
		[503, null],
	]);
});

test('malformed replaces a handled answer with broken JSON; delay holds it', async () => {
	await admin().inject({ path: '/things/1', malformed: true, delayMs: 150 });
	const started = Date.now();
	const answer = await get('/things/1');
	expect(Date.now() - started).toBeGreaterThanOrEqual(140);
	expect(() => JSON.parse(answer.text)).toThrow();
});

test('the clock can be advanced for expiry and day boundaries', async () => {
	const before = sim.now();
	await admin().advanceClock(86_400_000);
	expect(sim.now() - before).toBeGreaterThanOrEqual(86_400_000);
});

test('gateway token bucket and daily quota', () => {
	let now = 0;
	const bucket = new GatewayTokenBucket(3, 100, () => now);
	let admitted = 0;
	for (let i = 0; i < 150; i++) if (bucket.take().ok) admitted++;
	expect(admitted).toBe(100);
	now += 1000;
	const afterOneSecond = [bucket.take(), bucket.take(), bucket.take(), bucket.take()].map(
		(v) => v.ok,
	);
	expect(afterOneSecond).toEqual([true, true, true, false]);

	now = Date.parse('2026-11-25T23:59:59Z');
	const quota = new DailyQuota(2, () => now);
	expect([quota.take('k').ok, quota.take('k').ok, quota.take('k').ok]).toEqual([true, true, false]);
	now += 1000;
	expect(quota.take('k').ok).toBe(true);
});

test('an idle keep-alive connection is left to the client to close, never reset by the server', async () => {
	// Node's server closes idle keep-alive sockets after 5 s. On a loaded machine a client whose
	// own idle timer lags reuses such a socket just as it closes and gets ECONNRESET; with the
	// client alone closing idle sockets that race cannot happen.
	const socket = net.connect(Number(new URL(sim.url).port), '127.0.0.1');
	let closed = false;
	socket.on('close', () => (closed = true));
	const answered = new Promise<string>((resolve) =>
		socket.once('data', (chunk) => resolve(String(chunk))),
	);
	socket.write('GET /things/1 HTTP/1.1\r\nHost: kit\r\nConnection: keep-alive\r\n\r\n');
	const head = await answered;
	expect(head).toMatch(/^HTTP\/1\.1 200/);
	expect(head).not.toMatch(/keep-alive: timeout=/i);
	await delay(6000);
	expect(closed).toBe(false);
	socket.destroy();
});

test('multipart bodies give text parts as fields and file parts with their exact bytes', async () => {
	const boundary = 'kitBoundary42';
	const body = Buffer.concat([
		Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n一括\r\n`),
		Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="tag"\r\n\r\na\r\n`),
		Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="tag"\r\n\r\nb\r\n`),
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\nContent-Type: text/csv\r\n\r\n`,
		),
		Buffer.from([0x8e, 0x52, 0x0d, 0x0a, 0x41]),
		Buffer.from(`\r\n--${boundary}--\r\n`),
	]);
	const res = await request(`${sim.url}/upload`, {
		method: 'POST',
		headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
		body,
	});
	expect(JSON.parse(await res.body.text())).toEqual({
		fields: { kind: '一括', tag: ['a', 'b'] },
		files: { file: { filename: 'x.csv', contentType: 'text/csv', hex: '8e520d0a41' } },
	});
	const [recorded] = sim.received({ path: '/upload' });
	expect(recorded.files).toEqual({ file: { filename: 'x.csv', contentType: 'text/csv', size: 5 } });
});
