import type { IDataObject, INodeParameters } from 'n8n-workflow';
import type { FaultSpec } from '../../sandbox/core/faults';
import type { NodeRunResult } from '../harness';
import { createParams as orderProtectionCreateParams } from '../orderprotection/helpers';
import { createParams as s2CreateParams } from '../s2/helpers';
import { demoCredential, useTestEnv } from '../support/env';
import { vendorRequests } from '../support/ledger';

/**
 * A guard or read-back whose vendor answer lacks the field it reads has no evidence: the item stops
 * with outcome unknown and nothing is sent again, under Retry On Fail as on a second execution. The
 * sandbox fault `omit` removes the field from the vendor's real answer; the vendor state (ledger) is
 * the truth the outcome is checked against.
 */
const env = useTestEnv((sandbox) => ({
	skuIoApi: demoCredential(sandbox, 'skuio'),
	s2Api: demoCredential(sandbox, 's2'),
	orderProtectionOAuth2Api: demoCredential(sandbox, 'orderprotection'),
}));

const fault = (spec: FaultSpec) => env.sandbox.state.faults.add({ count: 1000, ...spec });
const lostAfterActing = (spec: FaultSpec) =>
	env.sandbox.state.faults.add({ afterHandling: true, drop: true, ...spec });
const sent = (vendor: 'skuio' | 's2' | 'orderprotection', method: string, path: string) =>
	vendorRequests(env, vendor, path).filter((request) => request.method === method);

/** Every SKU.io detail read after the first (the guard's) lacks `field`. */
const laterDetailsLack = (field: string) =>
	fault({ vendor: 'skuio', method: 'GET', path: '/detail', after: 1, omit: [field] });

/** Each run stopped with outcome unknown, never saying "not applied". */
function expectUnknownOutcome(runs: NodeRunResult[]) {
	for (const run of runs) {
		expect(run.status).toBe('error');
		expect(run.error?.description).toContain('Outcome: unknown');
		expect(run.error?.description).not.toContain('not applied');
	}
}

type Retry = 'Retry On Fail' | 'second execution';
const RETRIES: Retry[] = ['Retry On Fail', 'second execution'];

async function runTwice(
	retry: Retry,
	nodeType: string,
	parameters: INodeParameters,
	input?: IDataObject[],
) {
	const once = () =>
		env.harness.runNode({
			nodeType,
			parameters,
			input,
			retryOnFail: retry === 'Retry On Fail' ? { maxTries: 3, waitBetweenTries: 0 } : undefined,
		});
	const first = await once();
	return retry === 'Retry On Fail' ? [first] : [first, await once()];
}

/** A SKU.io POST about fulfillment `id` whose answer is lost after SKU.io acted, run twice. */
function runLostSkuIoPost(
	retry: Retry,
	path: string,
	resource: string,
	operation: string,
	id: number,
) {
	lostAfterActing({ vendor: 'skuio', method: 'POST', path });
	return runTwice(retry, 'skuIo', { resource, operation, fulfillmentId: String(id) });
}

const skuio = () => env.sandbox.state.vendors.skuio;
const seedSkuIo = (options: Record<string, unknown> = {}) =>
	skuio()
		.seed({ count: 1, ...options })
		.fulfillments.map((f) => f.id)[0];

describe('read-backs without the field they read say unknown and send nothing again', () => {
	describe.each(RETRIES)('%s', (retry) => {
		it('SKU.io Cancel Provider Order: provider order status missing', async () => {
			const id = seedSkuIo({ fulfillmentType: 'shipfusion' });
			// The guard before sending sees the status; every later read lacks it.
			laterDetailsLack('data.shipping_provider_orders.*.status');
			const runs = await runLostSkuIoPost(
				retry,
				'/cancel-provider-order',
				'shipmentProvider',
				'cancelOrder',
				id,
			);
			expect(sent('skuio', 'POST', '/cancel-provider-order')).toHaveLength(1);
			expect(skuio().store.get(id)?.provider_order?.status).toBe('canceled');
			expectUnknownOutcome(runs);
		});

		it('SKU.io Submit Tracking: submitted_to_sales_channel_at missing', async () => {
			const id = seedSkuIo();
			laterDetailsLack('data.submitted_to_sales_channel_at');
			const runs = await runLostSkuIoPost(
				retry,
				'/submit-to-channel',
				'salesChannel',
				'submit',
				id,
			);
			expect(sent('skuio', 'POST', '/submit-to-channel')).toHaveLength(1);
			expect(skuio().store.get(id)?.submitted_to_sales_channel_at).toEqual(expect.any(String));
			for (const run of runs) expect(run.error?.description).toContain('Outcome: unknown');
		});

		it('S2 Create without a key: the order lists fulfillments without items', async () => {
			const order = env.sandbox.state.vendors.s2.seed({ orders: 1 }).orders[0];
			fault({ vendor: 's2', method: 'GET', path: '/order/', omit: ['fulfillments.*.items'] });
			lostAfterActing({ vendor: 's2', method: 'POST', path: '/fulfillment' });
			const runs = await runTwice(retry, 's2', s2CreateParams(), [{ orderId: order.id }]);
			const creates = vendorRequests(env, 's2').filter(
				(request) => request.method === 'POST' && request.path.endsWith('/fulfillment'),
			);
			expect(creates).toHaveLength(1);
			expect(env.sandbox.state.ledger.changes({ vendor: 's2' }).length).toBeGreaterThan(0);
			expectUnknownOutcome(runs);
		});

		it('OrderProtection Create: the listed fulfillments lack their sourceFulfillmentId', async () => {
			const order = env.sandbox.state.vendors.orderprotection.seed({ orders: 1 }).orders[0];
			fault({
				vendor: 'orderprotection',
				method: 'GET',
				path: '/fulfillments',
				omit: ['*.sourceFulfillmentId'],
			});
			lostAfterActing({ vendor: 'orderprotection', method: 'POST', path: '/fulfillments' });
			const runs = await runTwice(retry, 'orderProtection', orderProtectionCreateParams(), [
				{ sourceOrderId: order.sourceOrderId },
			]);
			expect(sent('orderprotection', 'POST', '/fulfillments')).toHaveLength(1);
			for (const run of runs) {
				expect(run.status).toBe('error');
				expect(run.error?.description ?? '').not.toContain('not applied');
			}

			expect(runs[0].error?.description).toContain('Outcome: unknown');
		});
	});

	it('SKU.io Void: voided_at missing from the read-back', async () => {
		const id = seedSkuIo();
		fault({ vendor: 'skuio', method: 'GET', path: '/detail', omit: ['data.voided_at'] });
		lostAfterActing({ vendor: 'skuio', method: 'DELETE' });
		const run = await env.harness.runNode({
			nodeType: 'skuIo',
			parameters: { resource: 'fulfillment', operation: 'void', fulfillmentId: String(id) },
		});
		expect(sent('skuio', 'DELETE', '')).toHaveLength(1);
		expect(skuio().store.get(id)?.voided_at).toEqual(expect.any(String));
		expect(run.error?.description).toContain('Outcome: unknown');
	});

	it('SKU.io Bulk Void by IDs: voided_at missing from the read-back', async () => {
		const ids = skuio()
			.seed({ count: 2 })
			.fulfillments.map((f) => f.id);
		fault({ vendor: 'skuio', method: 'GET', path: '/detail', omit: ['data.voided_at'] });
		lostAfterActing({ vendor: 'skuio', method: 'DELETE' });
		const run = await env.harness.runNode({
			nodeType: 'skuIo',
			parameters: {
				resource: 'fulfillment',
				operation: 'bulkVoid',
				fulfillmentIds: '={{ $json.id }}',
			},
			input: ids.map((id) => ({ id })),
		});
		expect(sent('skuio', 'DELETE', '')).toHaveLength(1);
		for (const id of ids) expect(skuio().store.get(id)?.voided_at).toEqual(expect.any(String));
		expect(run.error?.description).toContain('Outcome: unknown');
	});

	it('a field that is there but empty is evidence: SKU.io Void says not applied', async () => {
		const id = seedSkuIo();
		lostAfterActing({ vendor: 'skuio', method: 'DELETE', afterHandling: false });
		const run = await env.harness.runNode({
			nodeType: 'skuIo',
			parameters: { resource: 'fulfillment', operation: 'void', fulfillmentId: String(id) },
		});
		expect(skuio().store.get(id)?.voided_at).toBeNull();
		expect(run.error?.description).toContain('Outcome: not applied');
	});
});
