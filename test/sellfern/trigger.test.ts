import type { Poller } from '../harness';
import { duringRequest, travel } from '../support/time';
import { requests, seedOrders, useSellfern } from './helpers';
import { emittedField, pollerOf, reEmissionMarks } from '../support/poll';

type Emitted = Awaited<ReturnType<Poller['poll']>>;

describe('Sellfern Trigger', () => {
	const env = useSellfern();
	const trigger = pollerOf(env, 'sellfernTrigger', { status: 'New' });
	const ids = (emitted: Emitted) => emittedField(emitted, 'order_id');
	const ready = (orderId: number) =>
		(
			env.sandbox.state.vendors as unknown as { sellfern: { ready(id: number): unknown } }
		).sellfern.ready(orderId);

	it('keeps the stored scope of each setting byte for byte', async () => {
		const scopeAfterPoll = async (parameters: Record<string, unknown>) => {
			const poller = trigger(parameters);
			await poller.poll();
			return poller.staticData().scope;
		};
		expect(await scopeAfterPoll({})).toBe('["New",""]');
		expect(await scopeAfterPoll({ status: 'In Production', supplierId: ' sup_789 ' })).toBe(
			'["In Production","sup_789"]',
		);
	});

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

	it('starts afresh when Status or Supplier ID changes, instead of emitting the other queue as new', async () => {
		const switchTo = (from: Poller, parameters: Record<string, unknown>) => {
			const poller = trigger(parameters);
			Object.assign(poller.staticData(), JSON.parse(JSON.stringify(from.staticData())));
			return poller;
		};
		const newQueue = trigger();
		seedOrders(env, 2);
		await newQueue.poll();
		seedOrders(env, 3, { status: 'In Production', supplierId: 'sup_9' });
		seedOrders(env, 2, { status: 'In Production', supplierId: 'sup_1' });

		const supplier9 = switchTo(newQueue, { status: 'In Production', supplierId: 'sup_9' });
		expect(await supplier9.poll()).toBeNull();
		const [assigned] = seedOrders(env, 1, { status: 'In Production', supplierId: 'sup_9' });
		expect(ids(await supplier9.poll())).toEqual([assigned]);

		const supplier1 = switchTo(supplier9, { status: 'In Production', supplierId: 'sup_1' });
		expect(await supplier1.poll()).toBeNull();
	});

	it('keeps the state of a trigger saved before it recorded its queue, so nothing is lost on upgrade', async () => {
		const [known] = seedOrders(env, 1);
		const poller = trigger();
		Object.assign(poller.staticData(), { initialized: true, seen: [String(known)] });
		const [arrived] = seedOrders(env, 1);
		expect(ids(await poller.poll())).toEqual([arrived]);
	});

	it('does not emit an order again when the queue shifted between the pages of one poll', async () => {
		const queued = seedOrders(env, 150);
		const poller = trigger();
		await poller.poll();

		// Page 1 is read, then 5 orders from it are assigned: page 2 starts 5 orders later, so
		// orders 101-105 are missing from this poll's snapshot although they are still queued.
		const sellfern = env.sandbox.state.vendors.sellfern;
		const firstPage = sellfern.orders.queue({ status: 'New' }).slice(0, 100);
		env.sandbox.state.faults.add({
			vendor: 'sellfern',
			path: '/fulfillment/queue',
			status: 200,
			body: {
				success: true,
				data: { items: firstPage, total: 150, page: 1, page_size: 100 },
				meta: { request_id: 'req_page1' },
			},
		});
		for (const orderId of queued.slice(0, 5))
			sellfern.orders.setStatus(orderId, 'In Production', 'test: assigned meanwhile');
		expect(await poller.poll()).toBeNull();

		expect(await poller.poll()).toBeNull();
		const [later] = seedOrders(env, 1);
		expect(ids(await poller.poll())).toEqual([later]);
	});

	it('emits an order again when it comes back after missing from two polls', async () => {
		const [order] = seedOrders(env, 1);
		const poller = trigger();
		await poller.poll();
		const orders = env.sandbox.state.vendors.sellfern.orders;
		orders.setStatus(order, 'In Production', 'test: assigned');
		expect(await poller.poll()).toBeNull();
		expect(await poller.poll()).toBeNull();
		orders.setStatus(order, 'New', 'test: back to New');
		expect(ids(await poller.poll())).toEqual([order]);
	});

	it('refuses an invalid setting before polling, naming the field (a trigger has no items)', async () => {
		const poller = trigger({ status: '={{ "Shipped" }}' });
		await expect(poller.poll()).rejects.toThrow(/^Status must be New or In Production$/);
		await expect(poller.poll()).rejects.not.toThrow(/\[item/);
		expect(requests(env)).toHaveLength(0);
	});

	it('watches the In Production queue of one supplier', async () => {
		const poller = trigger({ status: 'In Production', supplierId: 'sup_9' });
		await poller.poll();
		const mine = seedOrders(env, 2, { status: 'In Production', supplierId: 'sup_9' });
		seedOrders(env, 2, { status: 'In Production', supplierId: 'sup_other' });
		expect(ids(await poller.poll())).toEqual(mine);
		expect(requests(env, '/fulfillment/queue').pop()?.query).toMatchObject({
			status: 'In Production',
			supplier_id: 'sup_9',
		});
	});

	describe('re-emission of unfinished orders', () => {
		afterEach(() => jest.restoreAllMocks());
		const setStatus = (orderId: number, status: string) =>
			env.sandbox.state.vendors.sellfern.orders.setStatus(orderId, status as 'New', 'test');

		it('emits an order still queued after the interval again, marked, at most Max Re-Emissions times', async () => {
			const time = travel();
			const poller = trigger({ options: { reEmitAfterMinutes: 30, reEmitMaxTimes: 2 } });
			await poller.poll();
			const [handled, stranded] = seedOrders(env, 2);
			expect(reEmissionMarks(await poller.poll())).toEqual([
				[handled, undefined, undefined],
				[stranded, undefined, undefined],
			]);
			setStatus(handled, 'In Production');
			time.by(29);
			expect(await poller.poll()).toBeNull();
			time.by(1);
			expect(reEmissionMarks(await poller.poll())).toEqual([[stranded, true, 2]]);
			poller.reload();
			time.by(20);
			expect(await poller.poll()).toBeNull();
			time.by(10);
			expect(reEmissionMarks(await poller.poll())).toEqual([[stranded, true, 3]]);
			time.by(30);
			expect(await poller.poll()).toBeNull();
			time.by(300);
			expect(await poller.poll()).toBeNull();
			// Nothing is left to track: the state does not grow with stranded orders.
			expect(poller.staticData().outstanding).toBeUndefined();
		});

		it('re-emits after 60 minutes by default, and never with 0', async () => {
			const time = travel();
			const byDefault = trigger();
			const off = trigger({ options: { reEmitAfterMinutes: 0 } });
			await byDefault.poll();
			await off.poll();
			const [order] = seedOrders(env, 1);
			expect(ids(await byDefault.poll())).toEqual([order]);
			expect(ids(await off.poll())).toEqual([order]);
			time.by(59);
			expect(await byDefault.poll()).toBeNull();
			time.by(1);
			expect(reEmissionMarks(await byDefault.poll())).toEqual([[order, true, 2]]);
			expect(await off.poll()).toBeNull();
			expect(off.staticData().outstanding).toBeUndefined();
		});

		it('tracks an order that comes back after leaving as a new emission, not a re-emission', async () => {
			const time = travel();
			const poller = trigger({ options: { reEmitAfterMinutes: 10 } });
			await poller.poll();
			const [order] = seedOrders(env, 1);
			expect(ids(await poller.poll())).toEqual([order]);
			setStatus(order, 'In Production');
			await poller.poll();
			await poller.poll();
			time.by(5);
			setStatus(order, 'New');
			expect(reEmissionMarks(await poller.poll())).toEqual([[order, undefined, undefined]]);
			time.by(9);
			expect(await poller.poll()).toBeNull();
			time.by(1);
			expect(reEmissionMarks(await poller.poll())).toEqual([[order, true, 2]]);
		});

		it('keeps tracking an order missing from one snapshot because the queue shifted between its pages', async () => {
			const time = travel();
			const queued = seedOrders(env, 150);
			const poller = trigger({ options: { reEmitAfterMinutes: 10, emitExisting: true } });
			expect(ids(await poller.poll())).toHaveLength(150);
			duringRequest(
				env,
				(request) => request.query.page === '2',
				() => {
					for (const orderId of queued.slice(0, 5)) setStatus(orderId, 'In Production');
				},
			);
			expect(await poller.poll()).toBeNull();
			time.by(10);
			const again = ids(await poller.poll());
			expect(again).toEqual(queued.slice(5));
		});

		it('refuses an invalid interval, naming the field', async () => {
			const poller = trigger({ options: { reEmitAfterMinutes: -1 } });
			await expect(poller.poll()).rejects.toThrow(
				'Re-Emit After (Minutes) must be a whole number of at least 0 (got -1)',
			);
			expect(requests(env)).toHaveLength(0);
		});
	});

	it('misses and doubles nothing while orders arrive and leave during and between polls', async () => {
		const queued = seedOrders(env, 200);
		const poller = trigger();
		await poller.poll();
		const emitted: unknown[] = [];
		const added: number[] = [];
		const orders = env.sandbox.state.vendors.sellfern.orders;
		for (let round = 0; round < 4; round++) {
			// During the poll: 20 older orders leave page 1, 3 new ones arrive, before page 2 is read.
			const during = duringRequest(
				env,
				(request) => request.path.includes('/fulfillment/queue') && request.query.page === '2',
				() => {
					for (const orderId of queued.splice(0, 20))
						orders.setStatus(orderId, 'In Production', 'test');
					added.push(...seedOrders(env, 3));
				},
			);
			emitted.push(...ids(await poller.poll()));
			expect(during.fired).toBe(true);
			jest.restoreAllMocks();
			// Between polls: 2 more arrive.
			added.push(...seedOrders(env, 2));
			emitted.push(...ids(await poller.poll()));
		}
		expect(emitted.slice().sort()).toEqual(added.slice().sort());
		expect(new Set(emitted).size).toBe(emitted.length);
	});
});
