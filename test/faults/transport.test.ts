import type { INodeParameters } from 'n8n-workflow';
import { DEFAULT_TIMEOUT_MS } from '../../nodes/shared/retry';
import { demoCredential, useTestEnv } from '../support/env';
import { vendorRequests } from '../support/ledger';

const env = useTestEnv((sandbox) => ({
	sellfernApi: demoCredential(sandbox, 'sellfern'),
	skuIoApi: demoCredential(sandbox, 'skuio'),
	orderProtectionOAuth2Api: demoCredential(sandbox, 'orderprotection'),
}));

const queue = (options: INodeParameters = {}) =>
	env.harness.runNode({
		nodeType: 'sellfern',
		parameters: { resource: 'fulfillmentQueue', operation: 'getAll', returnAll: true, options },
	});

describe('request timeout', () => {
	it('defaults to 30 s, below the 45 s a stuck proxy was seen to hold a request', () => {
		expect(DEFAULT_TIMEOUT_MS).toBe(30_000);
	});

	it('gives up an attempt after Timeout and retries it like a network error', async () => {
		env.sandbox.state.vendors.sellfern.seed({ count: 2 });
		env.sandbox.state.faults.add({ vendor: 'sellfern', path: '/fulfillment/queue', hang: true });
		// Every attempt has the same Timeout: generous, and retries to spare, so a retry slowed down by
		// a loaded machine does not time out too (only the hanging first attempt must).
		const result = await queue({ timeout: 1500, maxRetries: 3 });
		expect(result.status).toBe('success');
		expect(result.items).toHaveLength(2);
		const hangs = vendorRequests(env, 'sellfern').map((request) => request.fault?.hang ?? false);
		expect(hangs[0]).toBe(true);
		expect(hangs.slice(1)).not.toContain(true);
		expect(hangs.length).toBeGreaterThanOrEqual(2);
	});

	it('fails clearly when every attempt times out', async () => {
		env.sandbox.state.faults.add({
			vendor: 'sellfern',
			path: '/fulfillment/queue',
			hang: true,
			count: 2,
		});
		const result = await queue({ timeout: 200, maxRetries: 1 });
		expect(result.error?.message).toMatch(
			/^Sellfern Get Many: Could not reach Sellfern: timeout of 200ms exceeded$/,
		);
	});

	it('a write that timed out after the vendor acted is read back, not reported as a plain failure', async () => {
		const id = env.sandbox.state.vendors.skuio.seed({ count: 1 }).fulfillments[0].id;
		env.sandbox.state.faults.add({
			vendor: 'skuio',
			path: '/submit-to-channel',
			afterHandling: true,
			hang: true,
		});
		const result = await env.harness.runNode({
			nodeType: 'skuIo',
			parameters: {
				resource: 'salesChannel',
				operation: 'submit',
				fulfillmentId: String(id),
				// The reads before and after the submit have this Timeout too: room for a loaded machine.
				options: { timeout: 1500 },
			},
		});
		expect(result.status).toBe('success');
		expect(result.items[0].json).toMatchObject({
			id,
			outcome: 'applied',
			submitted_to_sales_channel_at: expect.any(String),
		});
	});
});

describe('option values are checked, never replaced by the default', () => {
	it.each([
		['maxRetries', -5, 'Max Retries must be a whole number from 0 to 10 (got -5) [item 0]'],
		['maxRetries', 1.5, 'Max Retries must be a whole number from 0 to 10 (got 1.5) [item 0]'],
		[
			'maxRetries',
			'three',
			'Max Retries must be a whole number from 0 to 10 (got "three") [item 0]',
		],
		[
			'maxRetries',
			'={{ { "n": 3 } }}',
			'Max Retries must be a whole number from 0 to 10 (got {"n":3}) [item 0]',
		],
		['maxRetries', true, 'Max Retries must be a whole number from 0 to 10 (got true) [item 0]'],
		['timeout', 0, 'Timeout must be a whole number from 1 to 600000 (got 0) [item 0]'],
	])('%s = %p', async (name, value, message) => {
		env.sandbox.state.vendors.sellfern.seed({ count: 1 });
		const result = await queue({ [name]: value });
		expect(result.error?.message).toBe(message);
		expect(vendorRequests(env, 'sellfern')).toEqual([]);
	});

	it.each(['maxRetries', 'timeout'])(
		'%s set to an expression that fails stops the item, nothing is sent',
		async (name) => {
			env.sandbox.state.vendors.sellfern.seed({ count: 1 });
			const result = await queue({ [name]: '={{ $("No Such Node").item.json.x }}' });
			expect(result.status).toBe('error');
			expect(result.error?.message).toMatch(
				/^(Max Retries|Timeout) could not be read: .+ \[item 0\]$/,
			);
			expect(vendorRequests(env, 'sellfern')).toEqual([]);
		},
	);
});

describe('bad values from expressions are errors naming item and field', () => {
	const assign = (overrides: INodeParameters) =>
		env.harness.runNode({
			nodeType: 'sellfern',
			parameters: {
				resource: 'fulfillment',
				operation: 'assignSupplier',
				orderIds: '1000',
				supplierId: 'sup_A',
				dryRun: false,
				...overrides,
			},
		});

	it.each([
		[{ supplierId: '={{ NaN }}' }, 'Supplier ID is required (got NaN) [item 0]'],
		[{ orderIds: '={{ NaN }}' }, 'Order IDs must be positive integers; NaN is not [item 0]'],
		[
			{ options: { idempotencyKey: '={{ { "key": 1 } }}' } },
			'Idempotency Key must be text (got {"key":1}) [item 0]',
		],
		[
			{ options: { idempotencyKey: '={{ [1, 2] }}' } },
			'Idempotency Key must be text (got [1,2]) [item 0]',
		],
		[
			{ options: { idempotencyKey: '={{ true }}' } },
			'Idempotency Key must be text (got true) [item 0]',
		],
	])('Sellfern Assign Supplier %j', async (overrides, message) => {
		env.sandbox.state.vendors.sellfern.seed({ count: 1 });
		const result = await assign(overrides as INodeParameters);
		expect(result.error?.message).toBe(message);
		expect(vendorRequests(env, 'sellfern')).toEqual([]);
	});

	it.each([
		['={{ { "why": "x" } }}', 'Void Reason must be text (got {"why":"x"}) [item 0]'],
		['={{ ["a"] }}', 'Void Reason must be text (got ["a"]) [item 0]'],
		['={{ false }}', 'Void Reason must be text (got false) [item 0]'],
	])('SKU.io Void with Void Reason %s', async (voidReason, message) => {
		const id = env.sandbox.state.vendors.skuio.seed({ count: 1 }).fulfillments[0].id;
		const result = await env.harness.runNode({
			nodeType: 'skuIo',
			parameters: {
				resource: 'fulfillment',
				operation: 'void',
				fulfillmentId: String(id),
				voidReason,
			},
		});
		expect(result.error?.message).toBe(message);
		expect(vendorRequests(env, 'skuio')).toEqual([]);
	});

	it('OrderProtection Create never posts to /v1/orders/NaN/fulfillments', async () => {
		const result = await env.harness.runNode({
			nodeType: 'orderProtection',
			parameters: {
				resource: 'fulfillment',
				operation: 'create',
				sourceOrderId: '={{ NaN }}',
				sourceFulfillmentId: 'ful-1',
				fulfillmentStatus: 'FULFILLED',
				items: { item: [{ sourceItemId: 'a', quantity: 1 }] },
			},
		});
		expect(result.error?.message).toBe('Source Order ID is required (got NaN) [item 0]');
		expect(vendorRequests(env, 'orderprotection')).toEqual([]);
	});
});

describe('OAuth2 token errors', () => {
	it.each([400, 401])(
		'a %i with a non-OAuth body is readable, not [object Object]',
		async (status) => {
			env.sandbox.state.faults.add({
				vendor: 'orderprotection',
				path: '/v1/oauth/token',
				status,
				body: { error: { code: 'store_suspended', message: 'The store is suspended' } },
			});
			const result = await env.harness.runNode({
				nodeType: 'orderProtection',
				parameters: {
					resource: 'fulfillment',
					operation: 'getAll',
					sourceOrderId: '5001',
					returnAll: true,
				},
			});
			expect(result.status).toBe('error');
			expect(result.error?.message).not.toContain('[object Object]');
			expect(result.error?.message).toContain(
				'Failed to acquire OAuth2 access token: The store is suspended',
			);
		},
	);
});
