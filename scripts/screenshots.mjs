#!/usr/bin/env node
// `npm run screenshots`: starts the same setup as `npm start` (in a throwaway user folder, on free
// ports), opens the n8n editor in headless Chromium and saves the README's pictures:
//   docs/images/n8n-workflow.png      an example workflow with our nodes, after a run
//   docs/images/n8n-node-panel.png    the parameter panel of one of our nodes
// Needs Chromium: Debian's `chromium` package (apt-get install -y chromium), or CHROMIUM_PATH.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot } from './paths.mjs';
import { startStack } from './n8n/stack.mjs';

const EXECUTABLE = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const OUT_DIR = path.join(repoRoot, 'docs', 'images');
/** The example shown, and the node whose parameters are shown. */
const EXAMPLE = 'sellfern-trigger-assign-ship';
const PANEL_NODE = 'Assign Supplier';
const VIEWPORT = { width: 1440, height: 810 };

const CHROMIUM_FLAGS = [
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

async function main() {
	if (!existsSync(EXECUTABLE)) {
		console.error(
			`No Chromium at ${EXECUTABLE}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.`,
		);
		process.exit(1);
	}
	const scratch = mkdtempSync(path.join(os.tmpdir(), 'n8n-fulfillment-screenshots-'));
	let stack;
	let context;
	try {
		stack = await startStack({
			userFolder: path.join(scratch, 'n8n'),
			seed: true,
			log: (line) => console.log(line),
		});
		const workflow = stack.workflows.find((candidate) => candidate.slug === EXAMPLE);
		if (!workflow) throw new Error(`examples/${EXAMPLE}.json was not imported`);

		context = await chromium.launchPersistentContext(path.join(scratch, 'chromium'), {
			executablePath: EXECUTABLE,
			headless: true,
			chromiumSandbox: false,
			args: CHROMIUM_FLAGS,
			viewport: VIEWPORT,
			deviceScaleFactor: 1,
		});
		const [name, value] = stack.client.cookie.split(/=(.*)/s, 2);
		await context.addCookies([
			{ name, value, domain: '127.0.0.1', path: '/', httpOnly: true, sameSite: 'Lax' },
		]);
		const page = context.pages()[0] ?? (await context.newPage());

		await page.goto(`${stack.n8n.url}/workflow/${workflow.id}`);
		const nodes = page.locator('[data-test-id="canvas-node"]');
		// Sticky notes are drawn apart from the nodes and never run.
		const nodeCount = workflow.workflow.nodes.filter(
			(node) => node.type !== 'n8n-nodes-base.stickyNote',
		).length;
		await nodes.first().waitFor({ timeout: 60_000 });
		await page.waitForFunction(
			(count) => document.querySelectorAll('[data-test-id="canvas-node"]').length >= count,
			nodeCount,
		);
		await dismissPopups(page);

		// Run it as a user would, so the canvas shows items flowing through our nodes.
		await page.locator('[data-test-id="execute-workflow-button"]').first().click();
		await page
			.locator('[data-test-id="canvas-node-status-success"]')
			.nth(nodeCount - 1)
			.waitFor({ timeout: 60_000 });
		await page
			.locator('[data-test-id="canvas-zoom-to-fit"]')
			.first()
			.click()
			.catch(() => undefined);
		await page.waitForTimeout(800);
		mkdirSync(OUT_DIR, { recursive: true });
		await page.screenshot({ path: path.join(OUT_DIR, 'n8n-workflow.png') });

		await nodes.filter({ hasText: PANEL_NODE }).first().dblclick();
		await page.locator('[data-test-id="ndv"]').first().waitFor({ timeout: 30_000 });
		await page.waitForTimeout(800);
		await page.screenshot({ path: path.join(OUT_DIR, 'n8n-node-panel.png') });
		console.log(
			`Saved ${path.join('docs', 'images', 'n8n-workflow.png')} and ${path.join('docs', 'images', 'n8n-node-panel.png')}`,
		);
	} finally {
		await context?.close();
		await stack?.stop();
		rmSync(scratch, { recursive: true, force: true });
	}
}

/** Closes what a first visit may show over the canvas (banners, notices, tours). */
async function dismissPopups(page) {
	for (const selector of [
		'[data-test-id="banner-close"]',
		'.el-notification__closeBtn',
		'[data-test-id="close-button"]',
	]) {
		for (const button of await page.locator(selector).all())
			await button.click().catch(() => undefined);
	}
	await page.keyboard.press('Escape').catch(() => undefined);
}

await main();
