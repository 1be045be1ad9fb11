import type { INodeParameters } from 'n8n-workflow';
import { fulfillment, requests, run, seed, store, useSkuIo } from './helpers';

describe('SKU.io › Sales Channel', () => {
	const env = useSkuIo();

	it('clears the channel submission so the next sync resubmits', async () => {
		const [id] = seed(env, 1, { submittedToChannel: true });
		expect(store(env).get(id)?.submitted_to_sales_channel_at).not.toBeNull();
		const result = await run(env, {
			resource: 'salesChannel',
			operation: 'clearSubmission',
			fulfillmentId: String(id),
		});
		expect(result.status).toBe('success');
		expect(result.items[0].json).toMatchObject({ id, submitted_to_sales_channel_at: null });
		expect(store(env).get(id)?.submitted_to_sales_channel_at).toBeNull();
		expect(requests(env)[0]).toMatchObject({
			method: 'POST',
			path: `/skuio/api/v2/sales-order-fulfillments/${id}/clear-channel-submission`,
		});
	});

	it('submits the tracking to the sales channel, and explains why one without tracking cannot be', async () => {
		const [tracked] = seed(env, 1);
		const [untracked] = seed(env, 1, { trackingNumber: null });
		const result = await run(
			env,
			{ resource: 'salesChannel', operation: 'submit', fulfillmentId: '={{ $json.id }}' },
			[{ id: tracked }, { id: untracked }],
			true,
		);
		expect(result.items[0].json).toMatchObject({
			id: tracked,
			submitted_to_sales_channel_at: expect.any(String),
		});
		expect(result.items[1].json.error).toBe(
			'SKU.io could not process the request (HTTP 422): The fulfillment has no tracking number to submit.',
		);
		expect(result.items[1].pairedItem).toEqual({ item: 1 });
	});

	it('checks every item before submitting anything', async () => {
		const [id] = seed(env, 1);
		const result = await run(
			env,
			{ resource: 'salesChannel', operation: 'submit', fulfillmentId: '={{ $json.id }}' },
			[{ id }, { id: 0 }],
		);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			'Fulfillment ID must be a positive integer (got 0) [item 1]',
		);
		expect(requests(env)).toHaveLength(0);
		expect(store(env).get(id)?.submitted_to_sales_channel_at).toBeNull();
	});

	it('does not repeat a submission after a server error (it may have reached the channel)', async () => {
		const [id] = seed(env, 1);
		env.sandbox.state.faults.add({ vendor: 'skuio', path: '/submit-to-channel', status: 502 });
		const result = await run(env, {
			resource: 'salesChannel',
			operation: 'submit',
			fulfillmentId: String(id),
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain('SKU.io had a server error (HTTP 502)');
		expect(requests(env, '/submit-to-channel')).toHaveLength(1);
	});
});

describe('SKU.io › Shipment Provider', () => {
	const env = useSkuIo();
	const provider = (operation: string, id: number, continueOnFail = false) =>
		run(
			env,
			{ resource: 'shipmentProvider', operation, fulfillmentId: String(id) },
			undefined,
			continueOnFail,
		);

	it('resyncs from the provider: tracking and shipped status come into SKU.io', async () => {
		const [id] = seed(env, 1, { fulfillmentType: 'shipstation' });
		store(env).providerShips(id, '1ZNEWTRACKING');
		const result = await provider('resyncFrom', id);
		expect(result.status).toBe('success');
		expect(result.items[0].json).toMatchObject({
			id,
			status: 'fulfilled',
			tracking_number: '1ZNEWTRACKING',
		});
		expect(store(env).get(id)).toMatchObject({
			status: 'fulfilled',
			tracking_number: '1ZNEWTRACKING',
		});
		expect(store(env).activityOf(id).at(-1)).toMatchObject({ event: 'resynced_from_provider' });
	});

	it('retries a resync from the provider after a 503 (it only re-reads the provider)', async () => {
		const [id] = seed(env, 1, { fulfillmentType: 'trackstar' });
		env.sandbox.state.faults.add({ vendor: 'skuio', path: '/resync-from-provider', status: 503 });
		const result = await provider('resyncFrom', id);
		expect(result.status).toBe('success');
		expect(requests(env, '/resync-from-provider').map((r) => r.status)).toEqual([503, 200]);
	});

	it('resyncs to an update-capable provider, and cancels a provider order', async () => {
		const [id] = seed(env, 1, { fulfillmentType: 'shipfusion' });
		expect((await provider('resyncTo', id)).items[0].json).toMatchObject({
			id,
			shipping_provider_orders: [{ sync_count: 1 }],
		});
		expect((await provider('cancelOrder', id)).items[0].json).toMatchObject({
			id,
			shipping_provider_orders: [{ status: 'canceled' }],
		});
	});

	it('turns an unsupported provider action into a clear error, not a silent success', async () => {
		const [manual] = seed(env, 1, { fulfillmentType: 'manual' });
		const result = await provider('resyncFrom', manual);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			`SKU.io could not resync fulfillment ${manual} from its provider: Resync from provider is not supported for manual fulfillments.`,
		);
		expect(result.error?.description).toContain('Supported providers: Shipstation, Starshipit');
		expect(result.error?.context?.itemIndex).toBe(0);
	});

	it('outputs supported: false items for unsupported providers under continueOnFail', async () => {
		const [shipstation] = seed(env, 1, { fulfillmentType: 'shipstation' });
		const [fba] = seed(env, 1, { fulfillmentType: 'fba' });
		const result = await run(
			env,
			{ resource: 'shipmentProvider', operation: 'cancelOrder', fulfillmentId: '={{ $json.id }}' },
			[{ id: shipstation }, { id: fba }],
			true,
		);
		expect(result.status).toBe('success');
		expect(result.items[0]).toEqual({
			json: {
				id: shipstation,
				success: false,
				supported: false,
				message: 'Cancel provider order is not supported for shipstation fulfillments.',
				error: `SKU.io could not cancel the provider order of fulfillment ${shipstation}: Cancel provider order is not supported for shipstation fulfillments.`,
			},
			pairedItem: { item: 0 },
		});
		expect(result.items[1].json).toMatchObject({
			id: fba,
			shipping_provider_orders: [{ status: 'canceled' }],
		});
	});

	it('shows the reason when a supported provider refuses (e.g. resync of an unsubmitted fulfillment)', async () => {
		const [id] = seed(env, 1, { fulfillmentType: 'shiphero', status: 'unsubmitted' });
		const result = await provider('resyncTo', id);
		expect(result.error?.message).toBe(
			'SKU.io rejected the request as invalid (HTTP 400): Only submitted fulfillments can be resynced to ShipHero (this one is unsubmitted).',
		);
	});
});

describe('SKU.io › Fulfillment › Update Shipping Details', () => {
	const env = useSkuIo();
	const update = (id: number | string, updateFields: INodeParameters, continueOnFail = false) =>
		run(
			env,
			fulfillment('updateShippingDetails', { fulfillmentId: String(id), updateFields }),
			undefined,
			continueOnFail,
		);

	it('changes tracking number and cost, even on a shipped fulfillment', async () => {
		const [id] = seed(env, 1, { status: 'fulfilled' });
		const result = await update(id, { trackingNumber: ' 1ZFIXED ', cost: 12.5 });
		expect(result.status).toBe('success');
		expect(requests(env)[0]).toMatchObject({
			method: 'PATCH',
			body: { tracking_number: '1ZFIXED', cost: 12.5 },
		});
		expect(result.items[0].json).toMatchObject({
			id,
			tracking_number: '1ZFIXED',
			cost: 12.5,
			status: 'fulfilled',
		});
	});

	it('sends only the fields given', async () => {
		const [id] = seed(env, 1, { cost: 3 });
		await update(id, { trackingNumber: 'ONLY-TRACKING' });
		expect(requests(env)[0].body).toEqual({ tracking_number: 'ONLY-TRACKING' });
		expect(store(env).get(id)?.cost).toBe(3);
	});

	it('checks the fields before sending', async () => {
		const [id] = seed(env, 1);
		expect((await update(id, {})).error?.message).toBe(
			'Add Tracking Number or Cost under Update Fields [item 0]',
		);
		expect((await update(id, { cost: -1 })).error?.message).toBe(
			'Cost must be at least 0 [item 0]',
		);
		expect((await update(id, { trackingNumber: '  ' })).error?.message).toMatch(
			/^Tracking Number must not be empty/,
		);
		expect(requests(env)).toHaveLength(0);
	});

	it('checks every item before updating anything', async () => {
		const [id] = seed(env, 1, { cost: 3 });
		const result = await run(
			env,
			fulfillment('updateShippingDetails', {
				fulfillmentId: '={{ $json.id }}',
				updateFields: { cost: '={{ $json.cost }}' },
			}),
			[
				{ id, cost: 4 },
				{ id, cost: -1 },
			],
		);
		expect(result.error?.message).toBe('Cost must be at least 0 [item 1]');
		expect(requests(env)).toHaveLength(0);
		expect(store(env).get(id)?.cost).toBe(3);
	});

	it("explains SKU.io's 422 with the field that failed", async () => {
		const [id] = seed(env, 1);
		const result = await update(id, { trackingNumber: 'X'.repeat(300) });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			'SKU.io could not process the request (HTTP 422): The tracking number field must not be greater than 255 characters.',
		);
		expect(result.error?.description).toMatch(/^SKU\.io did not accept the shipping details/);
		expect(result.error?.description).toContain(
			'"tracking_number":["The tracking number field must not be greater than 255 characters."]',
		);
		expect(result.error?.description).not.toContain('SKU.io rejected one or more values');
	});
});
