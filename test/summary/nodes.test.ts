import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { demoCredential, demoCredentials, useTestEnv } from '../support/env';
import { createParams } from '../s2/helpers';
import { fulfillment, listParams } from '../support/params';

/** The summary each node puts beside the vendor's object, run through n8n against the sandbox. */
describe('Normalized summary › in the nodes', () => {
	const env = useTestEnv(demoCredentials);
	const vendors = () =>
		env.sandbox.state.vendors as unknown as Record<
			string,
			{ seed(options: IDataObject): IDataObject }
		>;
	const summaries = (items: INodeExecutionData[]) =>
		items.map((item) => item.json.fulfillment as IDataObject);

	it('ShipperOne Get Many: one summary per order, beside the untouched order; off on request', async () => {
		const { orders } = vendors().shipperone.seed({ count: 2, queue: 'pending_shipment' }) as {
			orders: IDataObject[];
		};
		const parameters = listParams.shipperOne({ queue: 'pending_shipment', returnAll: true });
		const result = await env.harness.runNode({ nodeType: 'shipperOne', parameters });
		expect(result.status).toBe('success');
		const [first] = result.items;
		expect(first.json.order_id).toBe(orders[0].order_id);
		expect(first.json.fulfillment).toMatchObject({
			vendor: 'shipperOne',
			orderId: orders[0].order_id,
			status: 'processing',
			vendorStatus: 'pending_shipment',
			items: (orders[0].items as IDataObject[]).map((item) => ({
				sku: item.sku,
				quantity: item.qty_ordered,
				itemId: String(item.item_id),
			})),
		});

		const off = await env.harness.runNode({
			nodeType: 'shipperOne',
			parameters: { ...parameters, options: { addSummary: false } },
		});
		const withoutSummary = result.items.map(({ json }) =>
			Object.fromEntries(Object.entries(json).filter(([key]) => key !== 'fulfillment')),
		);
		expect(off.items.map((item) => item.json)).toEqual(withoutSummary);
	});

	it('ShipperOne Ship: the summary says shipped, with the tracking just reported', async () => {
		const { orders } = vendors().shipperone.seed({ count: 1, queue: 'pending_shipment' }) as {
			orders: IDataObject[];
		};
		const result = await env.harness.runNode({
			nodeType: 'shipperOne',
			parameters: {
				resource: 'fulfillmentOrder',
				operation: 'ship',
				tracks: {
					track: [{ carrier_code: 'dhl', title: 'DHL Express', track_number: 'JD0123456789' }],
				},
			},
			input: [orders[0]],
		});
		expect(result.status).toBe('success');
		expect(result.items[0].json.fulfillment).toMatchObject({
			status: 'shipped',
			tracking: [{ carrier: 'dhl', number: 'JD0123456789', url: null }],
		});
	});

	it('refuses an Add Normalized Summary that is not a boolean, naming it, before sending', async () => {
		const result = await env.harness.runNode({
			nodeType: 'shipperOne',
			parameters: listParams.shipperOne({ queue: 'failed', options: { addSummary: 'maybe' } }),
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^Add Normalized Summary/);
		expect(env.sandbox.state.ledger.requests({ vendor: 'shipperone' })).toHaveLength(0);
	});

	it('Sellfern Get Many: queue orders with the common status', async () => {
		vendors().sellfern.seed({ count: 2 });
		const result = await env.harness.runNode({
			nodeType: 'sellfern',
			parameters: listParams.sellfern({ returnAll: true }),
		});
		expect(result.status).toBe('success');
		expect(result.items.length).toBeGreaterThan(0);
		for (const item of result.items) {
			expect(item.json.fulfillment).toMatchObject({
				vendor: 'sellfern',
				orderId: String(item.json.order_id),
				items: null,
			});
			expect(['pending', 'processing']).toContain((item.json.fulfillment as IDataObject).status);
		}
	});

	it('SKU.io Get keeps Simplify for the vendor object, and summarizes the full detail (lines included)', async () => {
		vendors().skuio.seed({ count: 1 });
		const result = await env.harness.runNode({
			nodeType: 'skuIo',
			parameters: listParams.skuIo({ returnAll: false, limit: 1 }),
		});
		const row = result.items[0].json;
		expect(summaries(result.items)[0]).toMatchObject({
			vendor: 'skuIo',
			fulfillmentId: String(row.id),
			items: null,
		});
		const detail = await env.harness.runNode({
			nodeType: 'skuIo',
			parameters: fulfillment('get', { fulfillmentId: String(row.id) }),
		});
		expect(detail.items[0].json.lines).toBeUndefined();
		expect((detail.items[0].json.fulfillment as IDataObject).items).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ sku: expect.any(String), quantity: expect.any(Number) }),
			]),
		);
	});

	it('SKU.io Trigger: every emitted fulfillment carries the summary', async () => {
		vendors().skuio.seed({ count: 2 });
		const poller = env.harness.poller({
			nodeType: 'skuIoTrigger',
			parameters: { event: 'created' },
		});
		const emitted = await poller.poll('manual');
		expect(emitted?.[0].length).toBeGreaterThan(0);
		for (const item of emitted?.[0] ?? []) {
			expect(item.json.fulfillment).toMatchObject({
				vendor: 'skuIo',
				fulfillmentId: String(item.json.id),
			});
		}
	});

	it('S2 Create and OrderProtection Create → Get Many: the same fields from two other shapes', async () => {
		const s2Order = (
			env.sandbox.state.vendors.s2.seed({ orders: 1 }) as unknown as { orders: IDataObject[] }
		).orders[0];
		const created = await env.harness.runNode({
			nodeType: 's2',
			parameters: createParams({
				orderId: '={{ $json.id }}',
				items: {
					item: [
						{
							productId: String(((s2Order.items as IDataObject[])[0].product as IDataObject).id),
							quantity: 1,
						},
					],
				},
			}),
			input: [s2Order],
		});
		expect(created.status).toBe('success');
		expect(created.items[0].json.fulfillment).toMatchObject({
			vendor: 's2',
			orderId: s2Order.id,
			fulfillmentId: created.items[0].json.id,
			status: 'pending',
			vendorStatus: 'CREATED',
			items: [{ quantity: 1 }],
		});

		const opOrder = (
			env.sandbox.state.vendors.orderprotection.seed({ orders: 1 }) as unknown as {
				orders: IDataObject[];
			}
		).orders[0];
		const opItem = (opOrder.items as IDataObject[])[0];
		const opCreate = await env.harness.runNode({
			nodeType: 'orderProtection',
			parameters: fulfillment('create', {
				sourceOrderId: String(opOrder.sourceOrderId),
				sourceFulfillmentId: 'ful-1',
				fulfillmentStatus: 'IN_TRANSIT',
				items: { item: [{ sourceItemId: String(opItem.sourceItemId), quantity: 1 }] },
				additionalFields: {
					trackingCompany: 'FedEx',
					tracking: { entry: [{ number: 'AB1', url: 'https://t.example/AB1' }] },
				},
			}),
		});
		expect(opCreate.status).toBe('success');
		const listed = await env.harness.runNode({
			nodeType: 'orderProtection',
			parameters: listParams.orderProtection({
				sourceOrderId: String(opOrder.sourceOrderId),
				returnAll: true,
			}),
		});
		const expected = {
			vendor: 'orderProtection',
			orderId: String(opOrder.sourceOrderId),
			fulfillmentId: 'ful-1',
			status: 'shipped',
			items: [{ sku: null, quantity: 1, itemId: String(opItem.sourceItemId) }],
			tracking: [{ carrier: 'FedEx', number: 'AB1', url: 'https://t.example/AB1' }],
		};
		// What Create knew from its request equals what Get Many reads back.
		expect(opCreate.items[0].json.fulfillment).toMatchObject(expected);
		expect(listed.items[0].json.fulfillment).toMatchObject(expected);
	});
});

describe('Normalized summary › node versions', () => {
	const env = useTestEnv((sandbox) => ({ shipperOneApi: demoCredential(sandbox, 'shipperone') }));
	const getMany = (typeVersion: number, options: Record<string, boolean> = {}) =>
		env.harness.runNode({
			nodeType: 'shipperOne',
			typeVersion,
			parameters: listParams.shipperOne({ returnAll: true, options }),
		});

	it('version 1 outputs what it always did unless the option is turned on; 1.1 adds it unless turned off', async () => {
		(
			env.sandbox.state.vendors as unknown as Record<
				string,
				{ seed(options: IDataObject): unknown }
			>
		).shipperone.seed({ count: 1 });
		expect((await getMany(1)).items[0].json).not.toHaveProperty('fulfillment');
		expect((await getMany(1, { addSummary: true })).items[0].json).toHaveProperty(
			'fulfillment.vendor',
			'shipperOne',
		);
		expect((await getMany(1.1)).items[0].json).toHaveProperty('fulfillment.vendor', 'shipperOne');
		expect((await getMany(1.1, { addSummary: false })).items[0].json).not.toHaveProperty(
			'fulfillment',
		);
	});
});
