// A slice of the fault matrix (test/faults/matrix.test.ts) in a real n8n: writes whose answer is
// lost (or cut off, or late) after the vendor acted, retried by n8n's own Retry On Fail set on the
// node in the workflow JSON, then run a second time. Each write must be applied exactly once, and
// each output item must say what happened.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { connect, describeFailure, runWorkflow } from './support/e2e.mjs';

let ctx;
const created = [];
beforeAll(async () => {
	ctx = await connect();
});
afterAll(async () => {
	await ctx?.sandbox.request('DELETE', '/faults');
	for (const id of created) await ctx.client.archiveWorkflow(id).catch(() => undefined);
});

const TRIGGER = 'Run Manually';
/** The sandbox's first S2 product (sandbox/vendors/s2/catalog.ts). */
const S2_PRODUCT_ID = '3775cc37-30e7-4579-a58e-c9adda6fa888';

/** Manual trigger → one node of the pack with Retry On Fail (3 tries) and its own retries off. */
async function storeWorkflow(name, nodeType, credentialType, parameters) {
	const { packageName } = ctx.info;
	const credential = ctx.info.credentials.find((candidate) => candidate.type === credentialType);
	if (!credential) throw new Error(`no sandbox credential of type ${credentialType}`);
	const workflow = await ctx.client.createWorkflow({
		name: `Fault slice: ${name}`,
		nodes: [
			{
				id: 'trigger',
				name: TRIGGER,
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'write',
				name: 'Write',
				type: `${packageName}.${nodeType}`,
				typeVersion: 1,
				position: [220, 0],
				parameters: { ...parameters, options: { ...(parameters.options ?? {}), maxRetries: 0 } },
				credentials: { [credentialType]: { id: credential.id, name: credential.name } },
				retryOnFail: true,
				maxTries: 3,
				waitBetweenTries: 10,
			},
		],
		connections: { [TRIGGER]: { main: [[{ node: 'Write', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	});
	created.push(workflow.id);
	return workflow.id;
}

async function run(workflowId) {
	const execution = await runWorkflow(ctx.client, workflowId, TRIGGER);
	if (execution.status !== 'success') throw new Error(describeFailure(execution));
	return execution.output('Write');
}

/** The vendor's ledger since `since` holds exactly one change that `isApplication` accepts. */
async function expectAppliedOnce(vendor, since, isApplication) {
	const changes = await ctx.sandbox.ledger({ vendor, type: 'change', since });
	expect(changes.filter(isApplication)).toHaveLength(1);
}

/** A change that creates an `entity`. */
const creationOf = (entity) => (change) => change.entity === entity && change.from === null;

describe('exactly once in a real n8n, under Retry On Fail and a second execution', () => {
	test('SKU.io Submit: answer lost after SKU.io acted → read back, not submitted again', async () => {
		await ctx.sandbox.reset('skuio');
		const [{ id }] = (await ctx.sandbox.seed('skuio', { count: 1 })).fulfillments;
		const workflowId = await storeWorkflow('SKU.io Submit', 'skuIo', 'skuIoApi', {
			resource: 'salesChannel',
			operation: 'submit',
			fulfillmentId: String(id),
		});
		const since = await ctx.sandbox.ledgerMark();
		await ctx.sandbox.request('POST', '/faults', {
			vendor: 'skuio',
			path: '/submit-to-channel',
			afterHandling: true,
			drop: true,
		});
		const first = await run(workflowId);
		expect(first).toEqual([
			expect.objectContaining({
				id,
				outcome: 'applied',
				submitted_to_sales_channel_at: expect.any(String),
			}),
		]);
		const second = await run(workflowId);
		expect(second).toEqual([expect.objectContaining({ id, alreadySubmitted: true })]);
		await expectAppliedOnce('skuio', since, (change) => change.entity === 'channel_submission');
	});

	test('SKU.io Void: the answer comes too late (Timeout) → read back as applied', async () => {
		await ctx.sandbox.reset('skuio');
		const [{ id }] = (await ctx.sandbox.seed('skuio', { count: 1 })).fulfillments;
		const workflowId = await storeWorkflow('SKU.io Void', 'skuIo', 'skuIoApi', {
			resource: 'fulfillment',
			operation: 'void',
			fulfillmentId: String(id),
			voidReason: 'Fault slice',
			options: { timeout: 1000 },
		});
		const since = await ctx.sandbox.ledgerMark();
		await ctx.sandbox.request('POST', '/faults', {
			vendor: 'skuio',
			method: 'DELETE',
			afterHandling: true,
			hang: true,
		});
		expect(await run(workflowId)).toEqual([
			expect.objectContaining({ id, status: 'canceled', outcome: 'applied' }),
		]);
		expect(await run(workflowId)).toEqual([expect.objectContaining({ id, alreadyVoided: true })]);
		await expectAppliedOnce(
			'skuio',
			since,
			(change) => change.entity === 'fulfillment' && change.to === 'canceled',
		);
	});

	test('S2 Create without a Channel Fulfillment ID: answer lost twice → one fulfillment', async () => {
		await ctx.sandbox.reset('s2');
		const { orders } = await ctx.sandbox.seed('s2', { orders: 1 });
		const workflowId = await storeWorkflow('S2 Create', 's2', 's2Api', {
			resource: 'fulfillment',
			operation: 'create',
			define: 'fields',
			orderId: orders[0].id,
			recipientName: 'Jane Doe',
			address1: '100 Main Street',
			city: 'Toronto',
			state: 'ON',
			postalCode: 'M5V 2T6',
			countryId: 'CA',
			items: { item: [{ productId: S2_PRODUCT_ID, quantity: 1 }] },
		});
		const since = await ctx.sandbox.ledgerMark();
		await ctx.sandbox.request('POST', '/faults', {
			vendor: 's2',
			method: 'POST',
			path: '/s2/fulfillment',
			afterHandling: true,
			drop: true,
			count: 2,
		});
		// S2 made the fulfillment but its answer was lost: the node finds it on the order and outputs it.
		const [first] = await run(workflowId);
		expect(first).toMatchObject({ orderId: orders[0].id, outcome: 'applied' });
		const [second] = await run(workflowId);
		expect(second).toMatchObject({ id: first.id, alreadyExists: true });
		await expectAppliedOnce('s2', since, creationOf('fulfillment'));
	});

	test('OrderProtection Create: answer cut off after OrderProtection acted → one fulfillment', async () => {
		await ctx.sandbox.reset('orderprotection');
		const { orders } = await ctx.sandbox.seed('orderprotection', { orders: 1 });
		const order = orders[0];
		const workflowId = await storeWorkflow(
			'OrderProtection Create',
			'orderProtection',
			'orderProtectionOAuth2Api',
			{
				resource: 'fulfillment',
				operation: 'create',
				sourceOrderId: order.sourceOrderId,
				sourceFulfillmentId: `ful-${order.sourceOrderId}`,
				fulfillmentStatus: 'FULFILLED',
				items: { item: [{ sourceItemId: order.items[0].sourceItemId, quantity: 1 }] },
			},
		);
		const since = await ctx.sandbox.ledgerMark();
		await ctx.sandbox.request('POST', '/faults', {
			vendor: 'orderprotection',
			method: 'POST',
			path: '/fulfillments',
			truncate: true,
		});
		expect(await run(workflowId)).toEqual([
			expect.objectContaining({
				sourceFulfillmentId: `ful-${order.sourceOrderId}`,
				outcome: 'applied',
			}),
		]);
		expect(await run(workflowId)).toEqual([
			expect.objectContaining({
				sourceFulfillmentId: `ful-${order.sourceOrderId}`,
				alreadyExists: true,
			}),
		]);
		await expectAppliedOnce('orderprotection', since, creationOf('fulfillment'));
	});

	test('Sellfern Assign Supplier: answer lost → Retry On Fail replays the same key, assigns once', async () => {
		await ctx.sandbox.reset('sellfern');
		const { orders } = await ctx.sandbox.seed('sellfern', { count: 1 });
		const orderId = orders[0].order_id;
		const workflowId = await storeWorkflow('Sellfern Assign', 'sellfern', 'sellfernApi', {
			resource: 'fulfillment',
			operation: 'assignSupplier',
			orderIds: String(orderId),
			supplierId: 'sup_789',
			dryRun: false,
		});
		const since = await ctx.sandbox.ledgerMark();
		await ctx.sandbox.request('POST', '/faults', {
			vendor: 'sellfern',
			path: '/fulfillment/assign',
			afterHandling: true,
			drop: true,
		});
		expect(await run(workflowId)).toEqual([
			expect.objectContaining({ order_id: orderId, status: 'ok' }),
		]);
		const requests = await ctx.sandbox.ledger({ vendor: 'sellfern', type: 'request', since });
		const keys = requests
			.filter((request) => request.path.endsWith('/fulfillment/assign'))
			.map((request) => request.headers['idempotency-key']);
		expect(keys).toHaveLength(2);
		expect(keys[1]).toBe(keys[0]);
		// A later execution is a new assignment: Sellfern refuses it, the order is no longer New.
		expect(await run(workflowId)).toEqual([
			expect.objectContaining({ order_id: orderId, status: 'error' }),
		]);
		await expectAppliedOnce(
			'sellfern',
			since,
			(change) => change.entity === 'order' && change.to === 'In Production',
		);
	});
});
