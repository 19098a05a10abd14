import type { ElementHandle, Page } from 'puppeteer-core';

import { OWNER } from '../../scripts/n8n/n8n';
import { delay, fs, path, writeErr } from '../platform/node';
import {
	chromiumOrReason,
	launchBrowser,
	oauthCallbackPreconnects,
	screenshotDir,
	startDemoEnvironment,
	type BrowserSession,
	type DemoEnvironment,
} from './environment';
import { canvasCoverage, takesClickAtCentre, visibleTexts } from './in-page';

/**
 * The demo as a newcomer uses it, in headless Chromium: one `npm start` environment (n8n, the
 * simulators, the examples) for the whole suite. `npm run screenshots` runs this suite with
 * SCREENSHOTS=docs, which writes the pictures README shows.
 */
jest.setTimeout(900_000);

const chromium = chromiumOrReason();
if (!chromium.executable) {
	writeErr(`\n[browser suite skipped] Chromium is not available here: ${chromium.reason}\n\n`);
}
const suite = chromium.executable ? describe : describe.skip;

/** What the node panel must find for each Japanese word a user would type. */
const JAPANESE_SEARCH: Array<[term: string, node: string]> = [
	['取引先', 'Mazrica'],
	['案件', 'Mazrica'],
	['商談', 'Mazrica'],
	['顧客', 'Mazrica'],
	['営業', 'Mazrica'],
	['会員', 'Yappli CRM'],
	['ポイント', 'Yappli CRM'],
	['交通費', 'RODEM'],
	['経費', 'RODEM'],
];

suite('the demo in a real browser', () => {
	let demo: DemoEnvironment;
	let session: BrowserSession;
	let page: Page;
	let shots: string;

	beforeAll(async () => {
		demo = await startDemoEnvironment();
		session = await launchBrowser(chromium.executable ?? '');
		page = session.page;
		shots = screenshotDir();
	});

	afterAll(async () => {
		await session?.close();
		await demo?.stop();
	});

	/** README's pictures go to `shots` (docs/ for `npm run screenshots`); the others to .cache/browser/. */
	const shot = async (name: string, target: Page | ElementHandle = page, inReadme = true) => {
		await target.screenshot({ path: path.join(inReadme ? shots : screenshotDir(false), name) });
	};
	const texts = (selector: string) => page.evaluate(visibleTexts, selector);
	const waitForTexts = async (
		selector: string,
		condition: (found: string[]) => boolean,
		timeoutMs = 60_000,
	) => {
		let found: string[] = [];
		for (const started = Date.now(); Date.now() - started < timeoutMs; ) {
			found = await texts(selector);
			if (condition(found)) return found;
			await delay(250);
		}
		throw new Error(`timed out waiting on ${selector}; last seen: ${JSON.stringify(found)}`);
	};
	const openNode = async (name: string) => {
		const node = await page.waitForSelector(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
		const box = await node?.boundingBox();
		if (!box) throw new Error(`node ${name} is not on the canvas`);
		await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { clickCount: 2 });
		await page.waitForSelector('[data-test-id="ndv"] [data-test-id="node-parameters"]');
	};
	/** Before a picture: every dropdown of the open node has loaded, no toast lies over the panel. */
	const settle = async () => {
		await waitForTexts('[data-test-id="ndv"]', ([ndv]) => !ndv?.includes('Loading options'));
		for (const close of await page.$$('.el-notification__closeBtn')) await close.click().catch(() => undefined);
		await page.waitForSelector('.el-notification', { hidden: true }).catch(() => undefined);
	};
	const ndvShot = async (name: string) => {
		await settle();
		await shot(name, (await page.$('[data-test-id="ndv"]')) ?? page);
	};
	const closeNode = async () => {
		await page.click('[data-test-id="ndv-close-button"]');
		await page.waitForSelector('[data-test-id="ndv"]', { hidden: true });
	};
	const openWorkflow = async (id: string) => {
		await page.goto(`${demo.n8n.url}/workflow/${id}`, { waitUntil: 'networkidle2' });
		await page.waitForSelector('[data-test-id="canvas-node"]');
	};

	test('log in at the printed URL with the printed login', async () => {
		await page.goto(`${demo.n8n.url}/signin`, { waitUntil: 'networkidle2' });
		await page.type('[data-test-id="emailOrLdapLoginId"] input', OWNER.email);
		await page.type('[data-test-id="password"] input', OWNER.password);
		await page.click('[data-test-id="form-submit-button"]');
		await page.waitForSelector('[data-test-id="resources-list-item-workflow"]');
		const names = await waitForTexts('[data-test-id="workflow-card-name"]', (found) => found.length >= 7);
		expect(names).toEqual(
			expect.arrayContaining([
				'Mazrica: deals won since yesterday → notification',
				"RODEM: last month's expenses → spreadsheet rows",
			]),
		);
	});

	test('open an example from the list: every node shows, no sticky note covers one', async () => {
		const card = await page.waitForSelector(
			'[data-test-id="workflow-card-name"] ::-p-text(Mazrica: deals won since yesterday)',
		);
		await card?.click();
		await page.waitForSelector('[data-test-id="canvas-node"][data-node-name="Run"]');
		await page.waitForSelector('[data-test-id="sticky"]');
		const coverage = await page.evaluate(canvasCoverage);
		expect(coverage.map((node) => node.name).sort()).toEqual(
			['Deals updated since yesterday', 'Post to chat webhook', 'Run', 'Won only'].sort(),
		);
		expect(coverage.filter((node) => !node.visible || node.overlappingStickies > 0)).toEqual([]);
		await shot('example-workflow.png', page, false);
	});

	test('run the example from the editor: output on the first click', async () => {
		await openNode('Deals updated since yesterday');
		await ndvShot('mazrica-node.png');
		await closeNode();

		await page.click('[data-test-id="execute-workflow-button"]');
		await page.waitForSelector(
			'[data-test-id="canvas-node"][data-node-name="Post to chat webhook"] [data-test-id="canvas-node-status-success"]',
			{ timeout: 120_000 },
		);
		const posted = demo.services.sink.received({ method: 'POST', path: '/hook/deal-won' });
		expect(posted.length).toBeGreaterThan(0);

		await openNode('Deals updated since yesterday');
		const [count] = await waitForTexts('[data-test-id="output-panel"] [data-test-id="ndv-items-count"]', (found) =>
			found.some((text) => /\d+ items?/.test(text)),
		);
		expect(Number(/(\d+) items?/.exec(count)?.[1])).toBeGreaterThanOrEqual(posted.length);
		const [outputText] = await texts('[data-test-id="output-panel"]');
		expect(outputText).toContain('受注');
		// The schema view reads best in a picture: one deal's fields with their Japanese values.
		await page.click('[data-test-id="output-panel"] [data-test-id="radio-button-schema"]');
		await waitForTexts('[data-test-id="output-panel"]', ([text]) => text?.includes('受注') ?? false);
		await page.mouse.move(0, 0);
		await ndvShot('output-panel.png');
		await closeNode();
	});

	test('one screenshot per vendor node', async () => {
		for (const [workflow, node, file] of [
			['jpSaasExample02', 'Create Yappli member', 'yappli-crm-node.png'],
			['jpSaasExample04', "Last month's expenses", 'rodem-node.png'],
			['jpSaasSatoriEx2', 'Upsert SATORI customers', 'satori-node.png'],
			['jpSaasExample13', 'Create spot', 'cyzen-node.png'],
		]) {
			await openWorkflow(workflow);
			await openNode(node);
			await ndvShot(file);
			await closeNode();
		}
		for (const file of [
			'mazrica-node.png',
			'yappli-crm-node.png',
			'rodem-node.png',
			'satori-node.png',
			'cyzen-node.png',
			'output-panel.png',
		]) {
			expect(fs.statSync(path.join(shots, file)).size).toBeGreaterThan(10_000);
		}
	});

	test('RODEM: Connect my account at the printed URL shows the consent page; 許可 connects the credential', async () => {
		const { rodem } = demo.services;
		const codesBefore = rodem.oauth.counts.authorizationCodes;
		// Up to here, in login, editor and runs, the browser reached nothing outside.
		expect(session.outside).toEqual([]);
		await page.goto(`${demo.n8n.url}/home/credentials/jpSaasRodem0001`, { waitUntil: 'networkidle2' });
		const modal = '[data-test-id="editCredential-modal"]';
		// The OAuth Redirect URL the credential shows (and RODEM registers) is on the printed URL.
		const redirect = await waitForTexts(`${modal} [data-test-id="copy-input"]`, (found) =>
			found.some((text) => text.includes('/rest/oauth2-credential/callback')),
		);
		expect(redirect).toContain(`${demo.n8n.url}/rest/oauth2-credential/callback`);

		// Disconnect the demo's pre-connected account (and confirm), then connect as a new user would.
		await page.click('[data-test-id="oauth-disconnect-button"]');
		await (await page.waitForSelector('.el-message-box .btn--confirm', { visible: true }))?.click();
		// Connect is in the page as soon as n8n has disconnected, which can be while the
		// confirmation box's overlay is still fading out over it. Click once the button itself is
		// what a click at its centre reaches (a guard, not a proven cause of the CI timeouts).
		const connectButton = '[data-test-id="quick-connect-button"]';
		await page.waitForSelector('.el-overlay.is-message-box', { hidden: true });
		await page.waitForFunction(takesClickAtCentre, {}, connectButton);
		await page.click(connectButton);
		// n8n opens the authorization URL in a popup window.
		const target = await session.browser.waitForTarget(
			(t) => t.url().startsWith(`${rodem.url}/oauth/authorize?`),
			{ timeout: 60_000 },
		);
		const popup = await target.page();
		if (!popup) throw new Error('the authorization popup has no page');
		const allow = await popup.waitForSelector('button[value="allow"]');
		expect(popup.url().startsWith(`${rodem.url}/oauth/authorize?`)).toBe(true);
		expect(await popup.title()).toContain('RODEM');
		expect(await allow?.evaluate((el) => (el as unknown as { innerText: string }).innerText)).toBe('許可');
		await shot('rodem-consent.png', popup, false);
		await allow?.click();
		await page.waitForSelector(`${modal} [data-test-id="oauth-connect-success-banner"]`, { visible: true });
		expect(rodem.oauth.counts.authorizationCodes).toBe(codesBefore + 1);

		// The credential works with the token from that consent: run the RODEM example in the editor.
		await openWorkflow('jpSaasExample04');
		await page.click('[data-test-id="execute-workflow-button"]');
		await page.waitForSelector(
			'[data-test-id="canvas-node"][data-node-name="To CSV"] [data-test-id="canvas-node-status-success"]',
			{ timeout: 120_000 },
		);
		const calls = rodem.received({ method: 'GET', path: '/api/v1/expenses' });
		const token = String(calls[calls.length - 1]?.headers.authorization ?? '').replace(/^Bearer /, '');
		const preconnected = demo.services.credentials.find((c) => c.type === 'rodemOAuth2Api')?.data
			.oauthTokenData as { access_token: string };
		expect(token).not.toBe(preconnected.access_token);
		expect(rodem.oauth.accessTokenState(token)).toBe('active');
	});

	test('search the node panel in Japanese, then load Deal Type → Phase in the Mazrica node', async () => {
		// A scratch workflow with a trigger, so the panel offers action nodes; the examples stay as they are.
		const scratch = await demo.n8n.rest<{ id: string }>('POST', '/rest/workflows', {
			name: 'Browser test scratch',
			nodes: [
				{
					id: 'start',
					name: 'Start',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
			],
			connections: {},
			settings: {},
			active: false,
		});
		await openWorkflow(scratch.id);
		await page.click('[data-test-id="node-creator-plus-button"]');
		const searchBar = '[data-test-id="node-creator-search-bar"]';
		const itemTitles = '[data-test-id="node-creator"] [data-test-id="item-iterator-item"]';
		const search = async (term: string) => {
			await page.click(searchBar, { count: 3 });
			await page.keyboard.press('Backspace');
			await page.type(searchBar, term);
			// Until the panel shows search results (one of our nodes), not its default categories.
			return await waitForTexts(itemTitles, (items) =>
				items.some((item) => /^(Mazrica|Yappli CRM|RODEM) /.test(item)),
			).catch(() => [] as string[]);
		};
		await page.waitForSelector(searchBar);
		const found: Record<string, string[]> = {};
		for (const [term] of JAPANESE_SEARCH) found[term] = await search(term);
		// The right node is the first hit (an item's text is its name, then its description).
		const misses = JAPANESE_SEARCH.filter(([term, node]) => !found[term][0]?.startsWith(`${node} `));
		expect(misses.map(([term, node]) => ({ term, node, found: found[term] }))).toEqual([]);

		// 商談 (deal) → Mazrica → Create a deal.
		await search('商談');
		await (await page.waitForSelector(`${itemTitles} ::-p-text(Mazrica)`))?.click();
		await (await page.waitForSelector(`${itemTitles} ::-p-text(Create a deal)`))?.click();
		await page.waitForSelector('[data-test-id="ndv"] [data-test-id="parameter-input-dealType"]');

		const { store } = demo.services.mazrica;
		const dealTypes = [...store.dealTypes.values()];
		const dropdownItems = '.el-select-dropdown__item';
		// Deal Type is a resource locator (From list / By ID); its list opens from its text input.
		const listItems = '[data-test-id="rlc-item"]';
		/** Opens a dropdown (again, while it is still loading) until `ready` holds for its options. */
		const openDropdown = async (
			parameter: string,
			ready: (items: string[]) => boolean,
			{ input, items: itemSelector } = { input: 'input', items: dropdownItems },
		) => {
			let items: string[] = [];
			for (let attempt = 0; attempt < 10 && !ready(items); attempt++) {
				await page.click(`[data-test-id="parameter-input-${parameter}"] ${input}`);
				items = await waitForTexts(itemSelector, ready, 10_000).catch(() => [] as string[]);
			}
			if (!ready(items)) throw new Error(`the ${parameter} dropdown did not show its options`);
			return items;
		};
		const fromList = { input: '[data-test-id="rlc-input"]', items: listItems };
		const typeNames = await openDropdown('dealType', (items) => items.length >= dealTypes.length, fromList);
		expect([...typeNames].sort()).toEqual(dealTypes.map((t) => t.name).sort());
		const chosen = dealTypes[0];
		for (const option of await page.$$(listItems)) {
			const label = await option.evaluate((el) => (el as unknown as { innerText: string }).innerText.trim());
			if (label === chosen.name && (await option.isVisible())) {
				await option.click();
				break;
			}
		}
		// Phase depends on Deal Type: its options are that type's phases.
		const phaseNames = await openDropdown('phase', (items) =>
			chosen.phases.every((phase) => items.some((item) => item.includes(phase.name))),
		);
		const otherTypesOnly = dealTypes
			.filter((type) => type !== chosen)
			.flatMap((type) => type.phases.map((phase) => phase.name))
			.filter((name) => !chosen.phases.some((phase) => phase.name === name));
		expect(phaseNames.filter((item) => otherTypesOnly.some((name) => item.includes(name)))).toEqual([]);
		await page.keyboard.press('Escape');
		await closeNode();
	});

	test('nothing left this machine: not from n8n, and from the browser only the OAuth page\'s preconnects', () => {
		const attempts = fs.existsSync(demo.outboundLog)
			? fs.readFileSync(demo.outboundLog, 'utf8').trim().split('\n').filter(Boolean)
			: [];
		expect(attempts.map((line) => (JSON.parse(line) as { host: string }).host)).toEqual([]);
		const preconnects = oauthCallbackPreconnects().map((host) => `CONNECT ${host}:443`);
		expect(preconnects.length).toBeGreaterThan(0);
		expect(session.outside.filter((attempt) => !preconnects.includes(attempt))).toEqual([]);
	});
});
