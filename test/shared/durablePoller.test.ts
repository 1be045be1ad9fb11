import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';
import type { TestEnv } from '../support/env';
import { demoCredential, useTestEnv } from '../support/env';

/**
 * n8n 2.x's durable poller keeps a trigger's node state in `poller_state` and drops what the poll at
 * activation wrote when it emitted nothing (that poll runs as a test; only scheduled polls commit).
 * Here the node's static data is emptied after the activation poll, as that leaves it; the workflow's
 * global static data stays, as n8n saves it after activation. Every trigger and mode must then emit
 * exactly what arrived after activation: nothing missed, nothing doubled, nothing from before.
 */
const env = useTestEnv((sandbox) => ({
	sellfernApi: demoCredential(sandbox, 'sellfern'),
	shipperOneApi: demoCredential(sandbox, 'shipperone'),
	skuIoApi: demoCredential(sandbox, 'skuio'),
}));

interface Case {
	name: string;
	nodeType: string;
	parameters: INodeParameters;
	/** Adds `count` new entries to the watched set and returns their emitted keys. */
	add(env: TestEnv, count: number, round: number): Array<string | number>;
	key(item: INodeExecutionData): string | number;
}

const shipperOneOrders = (env: TestEnv, count: number, round: number) =>
	env.sandbox.state.vendors.shipperone
		.seed({ count, updatedAt: `2026-05-20 09:0${round}:00` })
		.orders.map((order) => String(order.order_id));

const CASES: Case[] = [
	{
		name: 'Sellfern Trigger',
		nodeType: 'sellfernTrigger',
		parameters: { status: 'New' },
		add: (env, count) =>
			(
				env.sandbox.state.seed('sellfern', { count }) as { orders: Array<{ order_id: number }> }
			).orders.map((order) => order.order_id),
		key: (item) => item.json.order_id as number,
	},
	{
		name: 'ShipperOne Trigger, Update Time',
		nodeType: 'shipperOneTrigger',
		parameters: {},
		add: shipperOneOrders,
		key: (item) => item.json.order_id as string,
	},
	{
		name: 'ShipperOne Trigger, Queue Snapshot',
		nodeType: 'shipperOneTrigger',
		parameters: { options: { detectBy: 'snapshot' } },
		add: shipperOneOrders,
		key: (item) => item.json.order_id as string,
	},
	{
		name: 'SKU.io Trigger, Fulfillment Created',
		nodeType: 'skuIoTrigger',
		parameters: { event: 'created' },
		add: (env, count) =>
			env.sandbox.state.vendors.skuio.seed({ count }).fulfillments.map((f) => f.id),
		key: (item) => item.json.id as number,
	},
	{
		name: 'SKU.io Trigger, Fulfillment Reached Status',
		nodeType: 'skuIoTrigger',
		parameters: { event: 'status', status: 'submitted' },
		add: (env, count) => {
			const { store } = env.sandbox.state.vendors.skuio;
			const ids = env.sandbox.state.vendors.skuio
				.seed({ count, status: 'unsubmitted' })
				.fulfillments.map((f) => f.id);
			for (const id of ids) store.setStatus(id, 'submitted', 'test');
			return ids;
		},
		key: (item) => item.json.id as number,
	},
];

describe.each(CASES)('$name under the durable poller', (kase) => {
	it('emits what arrived between activation and the first scheduled poll, once', async () => {
		const before = kase.add(env, 3, 0);
		const poller = env.harness.poller({ nodeType: kase.nodeType, parameters: kase.parameters });
		expect(await poller.poll()).toBeNull(); // the activation poll: a starting point, nothing emitted
		// What the durable poller keeps of it: no node state at all.
		const nodeState = poller.staticData();
		for (const key of Object.keys(nodeState)) delete nodeState[key];
		poller.reload();

		const arrived = kase.add(env, 2, 1);
		const first = (await poller.poll())?.[0] ?? [];
		expect(first.map(kase.key)).toEqual(arrived);
		expect(first.map(kase.key)).not.toEqual(expect.arrayContaining([before[0]]));
		expect(await poller.poll()).toBeNull();

		const later = kase.add(env, 1, 2);
		expect(((await poller.poll())?.[0] ?? []).map(kase.key)).toEqual(later);
		poller.reload();
		expect(await poller.poll()).toBeNull();
	});
});
