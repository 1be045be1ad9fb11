import type { INodeParameters } from 'n8n-workflow';
import { faultOn } from '../support/faults';
import { createParams, creates, requests, s2, seedOrder, useS2 } from './helpers';

describe('S2 › Fulfillment › Create › a Channel Fulfillment ID that already exists (409 ALREADY_EXISTS)', () => {
	const env = useS2();
	const create = (orderId: string, options: INodeParameters = {}) =>
		env.harness.runNode({
			nodeType: 's2',
			parameters: createParams({
				orderId,
				additionalFields: { channelFulfillmentId: 'shop-ful-42' },
				options,
			}),
		});
	const failCreate = faultOn(env, 's2', '/s2/fulfillment', 'POST');

	it('is an error by default, naming the code and how to make the create idempotent', async () => {
		const order = seedOrder(env);
		expect((await create(order.id)).status).toBe('success');
		const second = await create(order.id);

		expect(second.status).toBe('error');
		expect(second.error?.message).toBe(
			"S2 reported a conflict (HTTP 409 ALREADY_EXISTS): Fulfillment with channelFulfillmentId 'shop-ful-42' already exists for this organization",
		);
		expect(second.error?.description).toContain('If It Already Exists to Return Existing');
		expect(creates(env).map((request) => request.status)).toEqual([200, 409]);
		expect(s2(env).store.allFulfillments()).toHaveLength(1);
	});

	it('with Return Existing, outputs the existing fulfillment found through its order, marked alreadyExists', async () => {
		const order = seedOrder(env);
		const first = (await create(order.id)).items[0].json;
		const again = await create(order.id, { ifExists: 'returnExisting' });

		expect(again.status).toBe('success');
		expect(again.items).toHaveLength(1);
		expect(again.items[0].pairedItem).toEqual({ item: 0 });
		expect(again.items[0].json).toEqual({ ...first, alreadyExists: true });
		expect(
			requests(env).map(
				(request) => `${request.method} ${request.path.replace(/^\/s2/, '')} ${request.status}`,
			),
		).toEqual([
			'POST /login 200',
			'POST /fulfillment 200',
			'POST /fulfillment 409',
			`GET /order/${order.id} 200`,
			`GET /fulfillment/${String(first.id)} 200`,
		]);
		expect(s2(env).store.allFulfillments()).toHaveLength(1);
	});

	it('with Return Existing and no order to look in, outputs a clearly marked item', async () => {
		await create('');
		const again = await create('', { ifExists: 'returnExisting' });
		expect(again.status).toBe('success');
		expect(again.items[0].json).toEqual({
			alreadyExists: true,
			channelFulfillmentId: 'shop-ful-42',
			message:
				"S2 reported a conflict (HTTP 409 ALREADY_EXISTS): Fulfillment with channelFulfillmentId 'shop-ful-42' already exists for this organization",
		});
	});

	// n8n 1.x drops the HTTP response from its request helpers' errors: the 409 arrives without S2's
	// code and message. A body S2 did not write stands in for that here.
	it("with Return Existing, a 409 without S2's code returns the fulfillment when its order lists it", async () => {
		const order = seedOrder(env);
		const first = (await create(order.id)).items[0].json;
		failCreate({ status: 409, body: 'Conflict' });
		const again = await create(order.id, { ifExists: 'returnExisting' });

		expect(again.status).toBe('success');
		expect(again.items.map((item) => item.json)).toEqual([{ ...first, alreadyExists: true }]);
		expect(s2(env).store.allFulfillments()).toHaveLength(1);
	});

	it("with Return Existing, a 409 without S2's code that the order does not explain is an error", async () => {
		const order = seedOrder(env);
		failCreate({ status: 409, body: 'Conflict' });
		const result = await create(order.id, { ifExists: 'returnExisting' });

		expect(result.status).toBe('error');
		expect(result.error?.httpCode).toBe('409');
		expect(s2(env).store.allFulfillments()).toHaveLength(0);
	});

	it('with Return Existing, other errors still fail', async () => {
		const result = await create('no-such-order', { ifExists: 'returnExisting' });
		expect(result.status).toBe('error');
		expect(result.error?.httpCode).toBe('404');
	});

	it("when S2 created it but the answer was lost, the retry's 409 returns that fulfillment instead of failing", async () => {
		const order = seedOrder(env);
		failCreate({ status: 502, afterHandling: true });
		const result = await create(order.id);

		expect(result.status).toBe('success');
		expect(creates(env).map((request) => request.status)).toEqual([502, 409]);
		const [created] = s2(env).store.allFulfillments();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({
			id: created.id,
			channelFulfillmentId: 'shop-ful-42',
			alreadyExists: true,
		});
	});

	it('a 409 after a retry that followed a 429 is still an error (the first attempt did nothing)', async () => {
		const order = seedOrder(env);
		expect((await create(order.id)).status).toBe('success');
		failCreate({ status: 429, headers: { 'Retry-After': '0' } });
		const second = await create(order.id);
		expect(second.status).toBe('error');
		expect(second.error?.httpCode).toBe('409');
		expect(creates(env).map((request) => request.status)).toEqual([200, 429, 409]);
	});

	it('retries a create with a Channel Fulfillment ID after a 5xx (a repeat cannot duplicate), but not one without', async () => {
		const order = seedOrder(env);
		failCreate({ status: 503 });
		const result = await create(order.id, { maxRetries: 2 });
		expect(result.status).toBe('success');
		expect(creates(env).map((request) => request.status)).toEqual([503, 200]);

		failCreate({ status: 503 });
		const plain = await env.harness.runNode({
			nodeType: 's2',
			parameters: createParams({ orderId: order.id, options: { maxRetries: 2 } }),
		});
		expect(plain.status).toBe('error');
		expect(plain.error?.message).toContain('S2 had a server error (HTTP 503)');
		expect(creates(env).map((request) => request.status)).toEqual([503, 200, 503]);
	});
});
