import type { IDataObject } from 'n8n-workflow';
import { apiRequests, createParams, requests, seedOrder, useOrderProtection } from './helpers';
import { fulfillment } from '../support/params';

describe('OrderProtection › Fulfillment › Update and Get Many', () => {
	const env = useOrderProtection();
	const run = (
		parameters: Record<string, unknown>,
		input: IDataObject[] = [{}],
		continueOnFail = false,
	) =>
		env.harness.runNode({
			nodeType: 'orderProtection',
			parameters: parameters as never,
			input,
			continueOnFail,
		});
	const createFulfillments = async (sourceOrderId: string, ids: string[]) => {
		const result = await run(
			createParams({ sourceFulfillmentId: '={{ $json.id }}' }),
			ids.map((id) => ({ sourceOrderId, id })),
		);
		expect(result.status).toBe('success');
		return result.items.map((item) => item.json);
	};

	describe('Update', () => {
		it('sets the status of the fulfillment Create made, from its output', async () => {
			const order = seedOrder(env);
			const created = await createFulfillments(order.sourceOrderId, ['ful-1']);
			const result = await run(fulfillment('update', { status: 'IN_TRANSIT' }), created);

			expect(result.status).toBe('success');
			const put = apiRequests(env).find((request) => request.method === 'PUT');
			expect(put).toMatchObject({
				path: `/orderprotection/v1/orders/${order.sourceOrderId}/fulfillments/ful-1`,
				body: { status: 'IN_TRANSIT' },
				status: 200,
			});
			expect(result.items).toEqual([
				{
					json: {
						status: 'ok',
						sourceOrderId: order.sourceOrderId,
						sourceFulfillmentId: 'ful-1',
						fulfillmentStatus: 'IN_TRANSIT',
						fulfillment: expect.objectContaining({ status: 'shipped' }),
					},
					pairedItem: { item: 0 },
				},
			]);
			const changes = env.sandbox.state.ledger
				.changes({ vendor: 'orderprotection' })
				.filter((change) => change.entity === 'fulfillment');
			expect(changes.map((change) => [change.from, change.to])).toEqual([
				[null, 'FULFILLED'],
				['FULFILLED', 'IN_TRANSIT'],
			]);
		});

		it('converts the casing of a status from an expression', async () => {
			const order = seedOrder(env);
			await createFulfillments(order.sourceOrderId, ['ful-1']);
			await run(
				fulfillment('update', {
					sourceOrderId: order.sourceOrderId,
					sourceFulfillmentId: 'ful-1',
					status: '={{ $json.s }}',
				}),
				[{ s: 'Delivered' }],
			);
			expect(apiRequests(env).find((request) => request.method === 'PUT')?.body).toEqual({
				status: 'DELIVERED',
			});
		});

		it('refuses an unknown status before sending, and explains an unknown fulfillment', async () => {
			const order = seedOrder(env);
			const bad = await run(
				fulfillment('update', {
					sourceOrderId: order.sourceOrderId,
					sourceFulfillmentId: 'x',
					status: 'Lost',
				}),
			);
			expect(bad.error?.message).toContain('Status must be one of DELIVERED, FULFILLED');
			expect(requests(env)).toEqual([]);

			const missing = await run(
				fulfillment('update', {
					sourceOrderId: order.sourceOrderId,
					sourceFulfillmentId: 'nope',
					status: 'DELIVERED',
				}),
			);
			expect(missing.error?.message).toBe(
				`OrderProtection could not find the resource (HTTP 404): Fulfillment nope not found on order ${order.sourceOrderId}`,
			);
		});

		it('retries a status update after a 503 (setting a status twice is harmless)', async () => {
			const order = seedOrder(env);
			await createFulfillments(order.sourceOrderId, ['ful-1']);
			env.sandbox.state.faults.add({ vendor: 'orderprotection', method: 'PUT', status: 503 });
			const result = await run(
				fulfillment('update', {
					sourceOrderId: order.sourceOrderId,
					sourceFulfillmentId: 'ful-1',
					status: 'DELIVERED',
				}),
			);
			expect(result.status).toBe('success');
			expect(
				apiRequests(env)
					.filter((request) => request.method === 'PUT')
					.map((request) => request.status),
			).toEqual([503, 200]);
		});
	});

	describe('Get Many', () => {
		it("returns the order's fulfillments, one item each", async () => {
			const order = seedOrder(env);
			await createFulfillments(order.sourceOrderId, ['ful-1', 'ful-2', 'ful-3']);
			const result = await run(
				fulfillment('getAll', { sourceOrderId: order.sourceOrderId, returnAll: true }),
			);
			expect(result.status).toBe('success');
			expect(result.items.map((item) => item.json.sourceFulfillmentId)).toEqual([
				'ful-1',
				'ful-2',
				'ful-3',
			]);
			expect(result.items[0].json).toMatchObject({
				sourceOrderId: order.sourceOrderId,
				fulfillmentStatus: 'FULFILLED',
				sourceItemIds: [{ sourceItemId: `${order.sourceOrderId}-1`, quantity: 1 }],
			});
			expect(result.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(
				true,
			);
		});

		it('honours the limit', async () => {
			const order = seedOrder(env);
			await createFulfillments(order.sourceOrderId, ['ful-1', 'ful-2', 'ful-3']);
			const result = await run(
				fulfillment('getAll', { sourceOrderId: order.sourceOrderId, returnAll: false, limit: 2 }),
			);
			expect(result.items.map((item) => item.json.sourceFulfillmentId)).toEqual(['ful-1', 'ful-2']);
		});

		it('fails clearly, instead of returning nothing, when the answer is not a list', async () => {
			const order = seedOrder(env);
			await createFulfillments(order.sourceOrderId, ['ful-1']);
			env.sandbox.state.faults.add({
				vendor: 'orderprotection',
				method: 'GET',
				status: 200,
				body: { data: [{ sourceFulfillmentId: 'ful-1' }] },
			});
			const result = await run(
				fulfillment('getAll', { sourceOrderId: order.sourceOrderId, returnAll: true }),
			);
			expect(result.status).toBe('error');
			expect(result.error?.message).toBe(
				'OrderProtection answered with {"data":[{"sourceFulfillmentId":"ful-1"}]} where a list of fulfillments was expected [item 0]',
			);
		});

		it('returns nothing for an order without fulfillments, and an error item for an unknown one under continueOnFail', async () => {
			const order = seedOrder(env);
			const result = await run(
				fulfillment('getAll', { sourceOrderId: '={{ $json.id }}', returnAll: true }),
				[{ id: order.sourceOrderId }, { id: '404404' }],
				true,
			);
			expect(result.status).toBe('success');
			expect(result.items).toEqual([
				{
					json: expect.objectContaining({
						error: 'OrderProtection could not find the resource (HTTP 404): Order 404404 not found',
						httpCode: '404',
					}),
					pairedItem: { item: 1 },
				},
			]);
		});
	});
});
