// The pack's action nodes as AI tools in a real n8n: examples/agent-mcp-tools.json (an MCP Server
// Trigger with one tool node per action node) is activated and a real MCP client
// (@modelcontextprotocol/sdk) lists and calls the tools with only what an agent would know.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { connect, declaredPackTypes, waitFor } from './support/e2e.mjs';

const SLUG = 'agent-mcp-tools';
const toolName = (nodeName) => nodeName.replace(/[^a-zA-Z0-9_-]+/g, '_');

let ctx;
let example;
let mcp;

/** Calls a tool; returns { isError, text, json } (json when the text is JSON). */
async function call(name, args) {
	const result = await mcp.callTool({ name, arguments: args });
	const text = (result.content ?? []).map((part) => part.text ?? '').join('\n');
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { isError: Boolean(result.isError), text, json };
}

/** A tool's output items, whatever list shape n8n wraps them in. */
function firstItem(json) {
	let value = json;
	while (Array.isArray(value)) value = value[0];
	return value?.json ?? value;
}

const writesSince = async (vendor, since, path) =>
	(await ctx.sandbox.ledger({ vendor, type: 'request', since })).filter(
		(request) => request.method !== 'GET' && request.path.includes(path),
	);
const changesSince = (vendor, since) => ctx.sandbox.ledger({ vendor, type: 'change', since });

/** A fresh Sellfern tenant with one New order, and a ledger mark taken after it. */
async function oneNewSellfernOrder() {
	await ctx.sandbox.reset('sellfern');
	const { orders } = await ctx.sandbox.seed('sellfern', { count: 1, status: 'New' });
	return { orderId: orders[0].order_id, since: await ctx.sandbox.ledgerMark() };
}

/** The Assign Supplier tool, as an agent calls it, for supplier sup_789. */
const assignSup789 = (orderId, previewOnly) =>
	call('Sellfern_Assign_Supplier', {
		order_ids: String(orderId),
		supplier_id: 'sup_789',
		preview_only: previewOnly,
	});

beforeAll(async () => {
	ctx = await connect();
	example = ctx.examples.find((candidate) => candidate.slug === SLUG);
	if (!example?.id) throw new Error(`examples/${SLUG}.json was not imported`);
	await ctx.client.activate(example.id);
	const trigger = example.workflow.nodes.find(
		(node) => node.type === '@n8n/n8n-nodes-langchain.mcpTrigger',
	);
	const url = new URL(`${ctx.info.n8nUrl}/mcp/${trigger.parameters.path}`);
	let lastError;
	await waitFor(
		async () => {
			try {
				const client = new Client({ name: 'fulfillment-e2e', version: '1.0.0' });
				await client.connect(new StreamableHTTPClientTransport(url));
				mcp = client;
				return true;
			} catch (error) {
				lastError = error;
				return false;
			}
		},
		{
			timeoutMs: 60_000,
			intervalMs: 1000,
			describe: () => `no MCP server at ${url}: ${lastError?.message}`,
		},
	);
});

afterAll(async () => {
	await mcp?.close().catch(() => undefined);
	if (example?.id) await ctx.client.deactivate(example.id).catch(() => undefined);
});

describe('the action nodes as AI tools over MCP', () => {
	test('every action node of the pack is a tool of the example', () => {
		const { packageName } = ctx.info;
		const actionNodes = declaredPackTypes()
			.nodes.filter((node) => !node.polling && !node.name.endsWith('Trigger'))
			.map((node) => `${packageName}.${node.name}Tool`);
		const used = new Set(example.workflow.nodes.map((node) => node.type));
		expect(actionNodes.length).toBeGreaterThanOrEqual(5);
		expect(actionNodes.filter((type) => !used.has(type))).toEqual([]);
	});

	test('lists every tool with a description for agents and a parameter schema it can fill', async () => {
		const { tools } = await mcp.listTools();
		const expected = example.workflow.nodes
			.filter((node) => node.type.endsWith('Tool'))
			.map((node) => toolName(node.name));
		expect(tools.map((tool) => tool.name).sort()).toEqual(expected.sort());
		for (const tool of tools) {
			// Our per-operation text, not n8n's generated "<action> in <node>".
			expect({ tool: tool.name, long: tool.description.length > 80 }).toEqual({
				tool: tool.name,
				long: true,
			});
			expect(tool.description).toMatch(/safe to repeat|Preview Only|Not safe to repeat/i);
			const properties = Object.entries(tool.inputSchema.properties ?? {});
			expect({ tool: tool.name, parameters: properties.length > 0 }).toEqual({
				tool: tool.name,
				parameters: true,
			});
			for (const [name, schema] of properties) {
				expect({
					tool: tool.name,
					name,
					described: (schema.description ?? '').length > 10,
				}).toEqual({
					tool: tool.name,
					name,
					described: true,
				});
				expect(['string', 'number', 'boolean']).toContain(schema.type);
			}
		}
		const assign = tools.find((tool) => tool.name === 'Sellfern_Assign_Supplier');
		expect(assign.description).toContain('Order IDs (numeric Sellfern order IDs');
		expect(Object.keys(assign.inputSchema.properties).sort()).toEqual([
			'order_ids',
			'preview_only',
			'supplier_id',
		]);
		const accept = tools.find((tool) => tool.name === 'ShipperOne_Accept_Order');
		expect(accept.description).toContain("read from ShipperOne's Pending Accept queue");
		expect(Object.keys(accept.inputSchema.properties).sort()).toEqual(['order_id', 'preview_only']);
	});

	test('Sellfern: assign a supplier, then mark shipped, each write once', async () => {
		const { orderId, since } = await oneNewSellfernOrder();

		const assigned = await assignSup789(orderId, false);
		expect(assigned.isError).toBe(false);
		expect(firstItem(assigned.json)).toMatchObject({
			order_id: orderId,
			status: 'ok',
			supplier_id: 'sup_789',
		});

		const shipped = await call('Sellfern_Update_Order_Status', {
			order_id: orderId,
			status: 'Shipped',
			preview_only: false,
		});
		expect(shipped.isError).toBe(false);
		expect(firstItem(shipped.json)).toMatchObject({ order_id: orderId, status: 'Shipped' });

		expect((await writesSince('sellfern', since, '/fulfillment/assign')).length).toBe(1);
		expect((await writesSince('sellfern', since, `/orders/${orderId}/status`)).length).toBe(1);
		const moves = (await changesSince('sellfern', since)).filter(
			(change) => String(change.id) === String(orderId),
		);
		expect(moves.map((change) => change.to)).toEqual(['In Production', 'Shipped']);
	});

	test('ShipperOne: accept, then ship, knowing only the order ID', async () => {
		await ctx.sandbox.reset('shipperone');
		await ctx.sandbox.vendorControl('shipperone', 'POST', '/settings', { allocateAfterSeconds: 1 });
		const { orders } = await ctx.sandbox.seed('shipperone', { count: 1, items: 2 });
		const orderId = orders[0].order_id;
		const since = await ctx.sandbox.ledgerMark();

		const accepted = await call('ShipperOne_Accept_Order', {
			order_id: orderId,
			preview_only: false,
		});
		expect(accepted.isError).toBe(false);
		expect(firstItem(accepted.json)).toMatchObject({
			order_id: orderId,
			status: 'pending_allocation',
		});
		expect(firstItem(accepted.json).itemsReadFrom).toContain('Pending Accept queue');

		const statusOf = async () => {
			const { orders: all } = await ctx.sandbox.vendorControl('shipperone', 'GET', '/orders');
			return all.find((order) => order.order_id === orderId)?.status;
		};
		await waitFor(async () => (await statusOf()) === 'pending_shipment', {
			timeoutMs: 30_000,
			describe: async () => `order ${orderId} was not allocated`,
		});

		// Repeated with only the order ID (an agent unsure the first call went through): the decision
		// is re-sent with the items read from Pending Shipment, and ShipperOne answers with the order's
		// current state, changing nothing.
		const changesBefore = (await changesSince('shipperone', since)).length;
		const again = await call('ShipperOne_Accept_Order', { order_id: orderId, preview_only: false });
		expect(again.isError).toBe(false);
		expect(firstItem(again.json)).toMatchObject({ order_id: orderId, status: 'pending_shipment' });
		expect(firstItem(again.json).itemsReadFrom).toContain('already accepted');
		expect((await changesSince('shipperone', since)).length).toBe(changesBefore);

		const shipped = await call('ShipperOne_Ship_Order', {
			order_id: orderId,
			carrier_code: 'dhl',
			carrier_title: 'DHL Express',
			tracking_number: 'JD0123456789',
			preview_only: false,
		});
		expect(shipped.isError).toBe(false);
		expect(firstItem(shipped.json)).toMatchObject({ order_id: orderId, status: 'pending_invoice' });
		expect(firstItem(shipped.json).itemsReadFrom).toContain('Pending Shipment queue');

		// The accept and its repeat (a no-op at ShipperOne); one ship.
		expect((await writesSince('shipperone', since, '/fulfillmentOrder/accept')).length).toBe(2);
		expect((await writesSince('shipperone', since, '/fulfillmentOrder/ship')).length).toBe(1);
		const [ship] = await writesSince('shipperone', since, '/fulfillmentOrder/ship');
		expect(ship.body.shipment.items).toEqual(
			orders[0].items.map((item) => ({ item_id: item.item_id, qty: item.qty_ordered })),
		);
	});

	test("a Preview call changes nothing and shows the request and Sellfern's own dry-run answer", async () => {
		const { orderId, since } = await oneNewSellfernOrder();

		const preview = await assignSup789(orderId, true);
		expect(preview.isError).toBe(false);
		const item = firstItem(preview.json);
		expect(item).toMatchObject({
			preview: true,
			sent: false,
			request: {
				method: 'POST',
				path: '/api/v2/fulfillment/assign',
				body: { order_ids: [orderId], supplier_id: 'sup_789' },
			},
		});
		expect(item.request.idempotencyKey).toMatch(/^n8n-assign-/);
		expect(item.vendorPreview.results).toEqual([
			expect.objectContaining({ order_id: orderId, status: 'ok' }),
		]);
		expect(preview.text).not.toContain('sk_test_sandbox');

		const previewShip = await call('Sellfern_Update_Order_Status', {
			order_id: orderId,
			status: 'Shipped',
			preview_only: true,
		});
		expect(firstItem(previewShip.json)).toMatchObject({
			preview: true,
			request: { method: 'PATCH' },
		});

		expect(await changesSince('sellfern', since)).toEqual([]);
		const writes = await writesSince('sellfern', since, '/api/v2/');
		expect(writes.every((request) => request.query.dry_run === 'true')).toBe(true);
	});

	test('every read tool answers with what an agent would know (IDs only)', async () => {
		const since = await ctx.sandbox.ledgerMark();
		await ctx.sandbox.reset('sellfern');
		await ctx.sandbox.seed('sellfern', { count: 2, status: 'New' });
		const queue = await call('Sellfern_Get_Queue', { queue_status: 'New', limit: 5 });
		expect(queue.isError).toBe(false);
		expect(firstItem(queue.json)).toMatchObject({ status: 'New' });

		const { fulfillments } = await ctx.sandbox.seed('skuio', { count: 1 });
		const fulfillment = await call('SKU_io_Get_Fulfillment', {
			fulfillment_id: fulfillments[0].id,
		});
		expect(fulfillment.isError).toBe(false);
		expect(firstItem(fulfillment.json)).toMatchObject({ id: fulfillments[0].id });

		const s2Order = 'ae52b0ab-8f0c-4b11-9c13-c5c221228ecd';
		await ctx.sandbox.reset('s2');
		await ctx.sandbox.seed('s2', { orders: 1, orderId: s2Order });
		const order = await call('S2_Get_Order', { order_id: s2Order });
		expect(order.isError).toBe(false);
		expect(order.text).toContain(s2Order);

		const { orders } = await ctx.sandbox.seed('orderprotection', { orders: 1 });
		const listed = await call('OrderProtection_List_Fulfillments', {
			source_order_id: orders[0].sourceOrderId,
		});
		expect({ isError: listed.isError, text: listed.text }).toEqual({
			isError: false,
			text: expect.any(String),
		});

		// Reads only.
		const writes = (await ctx.sandbox.ledger({ type: 'request', since })).filter(
			(request) => request.method !== 'GET' && !/login|oauth/.test(request.path),
		);
		expect(writes).toEqual([]);
	});

	test('a bad argument comes back to the agent as a readable error, sending nothing', async () => {
		const since = await ctx.sandbox.ledgerMark();
		const bad = await call('Sellfern_Update_Order_Status', {
			order_id: 1042,
			status: 'Teleported',
			preview_only: false,
		});
		expect(bad.isError).toBe(true);
		expect(bad.text).toMatch(/Status must be one of/);
		const notQueued = await call('ShipperOne_Accept_Order', {
			order_id: 'FO-999999999',
			preview_only: false,
		});
		expect(notQueued.isError).toBe(true);
		expect(notQueued.text).toContain("is not in ShipperOne's Pending Accept queue");
		expect((await ctx.sandbox.ledger({ type: 'change', since })).length).toBe(0);
		expect(
			(await ctx.sandbox.ledger({ type: 'request', since })).filter(
				(request) => request.method !== 'GET',
			),
		).toEqual([]);
	});
});
