import type { Poller } from '../harness';
import { requests, seedOrders, useSellfern } from './helpers';

describe('Sellfern Trigger', () => {
	const env = useSellfern();
	const trigger = (parameters: Record<string, unknown> = {}): Poller =>
		env.harness.poller({ nodeType: 'sellfernTrigger', parameters: { status: 'New', ...parameters } });
	const ids = (emitted: Awaited<ReturnType<Poller['poll']>>) => (emitted?.[0] ?? []).map((item) => item.json.order_id);
	const ready = (orderId: number) =>
		(env.sandbox.state.vendors as unknown as { sellfern: { ready(id: number): unknown } }).sellfern.ready(orderId);

	it('emits each newly queued order once across polls, and picks up later ones', async () => {
		seedOrders(env, 3);
		const poller = trigger();
		expect(await poller.poll()).toBeNull(); // orders already queued at activation are not "new"

		const later = seedOrders(env, 2);
		expect(ids(await poller.poll())).toEqual(later);
		expect(await poller.poll()).toBeNull();

		poller.reload(); // state survives n8n saving and restoring static data
		const [pending] = seedOrders(env, 1, { status: 'Pending Cost' });
		expect(await poller.poll()).toBeNull();
		ready(pending);
		expect(ids(await poller.poll())).toEqual([pending]);
	});

	it('reads every page of a large queue', async () => {
		const poller = trigger();
		await poller.poll();
		const batch = seedOrders(env, 230);
		expect(ids(await poller.poll())).toEqual(batch);
		expect(await poller.poll()).toBeNull();
	});

	it('loses nothing when a poll fails', async () => {
		const poller = trigger({ options: { maxRetries: 0 } });
		await poller.poll();
		const before = JSON.stringify(poller.staticData());
		const arrived = seedOrders(env, 2);
		env.sandbox.state.faults.add({ vendor: 'sellfern', path: '/fulfillment/queue', status: 500 });
		await expect(poller.poll()).rejects.toThrow('HTTP 500');
		expect(JSON.stringify(poller.staticData())).toBe(before);
		expect(ids(await poller.poll())).toEqual(arrived);
	});

	it('emits the orders already queued on the first poll when asked to', async () => {
		const existing = seedOrders(env, 4);
		const poller = trigger({ options: { emitExisting: true } });
		expect(ids(await poller.poll())).toEqual(existing);
		expect(await poller.poll()).toBeNull();
	});

	it('returns a sample in manual mode without touching state', async () => {
		const existing = seedOrders(env, 5);
		const poller = trigger();
		const sample = await poller.poll('manual');
		expect(ids(sample)).toEqual([existing[0]]);
		expect(poller.staticData()).toEqual({});
		expect(requests(env, '/fulfillment/queue')[0].query).toMatchObject({ page_size: '1' });
		// The first real poll still treats these orders as already queued.
		expect(await poller.poll()).toBeNull();
	});

	it('watches the In Production queue of one supplier', async () => {
		const poller = trigger({ status: 'In Production', supplierId: 'sup_9' });
		await poller.poll();
		const mine = seedOrders(env, 2, { status: 'In Production', supplierId: 'sup_9' });
		seedOrders(env, 2, { status: 'In Production', supplierId: 'sup_other' });
		expect(ids(await poller.poll())).toEqual(mine);
		expect(requests(env, '/fulfillment/queue').pop()?.query).toMatchObject({ status: 'In Production', supplier_id: 'sup_9' });
	});
});
