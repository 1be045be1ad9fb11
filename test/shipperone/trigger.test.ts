import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import type { FaultSpec } from '../../sandbox/core/faults';
import type { Poller } from '../harness';
import { duringRequest, travel } from '../support/time';
import { requests, seed, useShipperOne, vendor } from './helpers';
import { emittedField, pollerOf, reEmissionMarks } from '../support/poll';

type Emitted = INodeExecutionData[][] | null;
const ids = (emitted: Emitted) => emittedField(emitted, 'order_id');

describe('ShipperOne Trigger', () => {
	const env = useShipperOne();
	/** The next read of the pending_accept queue answers `orders`, whatever the store holds. */
	const queueAnswers = (orders: IDataObject[]) =>
		env.sandbox.state.faults.add({
			vendor: 'shipperone',
			path: '/fulfillmentOrders/pending_accept',
			status: 200,
			body: orders,
		});
	/** The next read of any queue fails with HTTP 500. */
	const queuesFail = (fault: FaultSpec = {}) =>
		env.sandbox.state.faults.add({
			vendor: 'shipperone',
			path: '/fulfillmentOrders/',
			status: 500,
			...fault,
		});
	const trigger = pollerOf(env, 'shipperOneTrigger');
	const queueCalls = () => requests(env, '/V1/fulfillmentOrders/');
	/** A new order the poller emits, then accepted in part (still in its queue, updated in place). */
	const emitThenUpdateInPlace = async (poller: Poller) => {
		await poller.poll();
		const [fo] = seed(env, 1, { items: 2, partials: true });
		expect(ids(await poller.poll())).toEqual([fo.order_id]);
		env.sandbox.state.clock.advance(2_000);
		vendor(env).orders.accept(fo.order_id, [{ item_id: fo.items[0].item_id, qty: 1 }], 'test');
		return fo;
	};
	const lastQuery = () => queueCalls().at(-1)?.query;

	it('emits each order once when it enters the queue, asking only for orders updated since the last one seen', async () => {
		seed(env, 3, { updatedAt: '2026-05-20 09:00:00' });
		const poller = trigger();
		expect(await poller.poll()).toBeNull(); // already queued at activation
		expect(lastQuery()).toEqual({ page: '1' });
		expect(poller.staticData()).toMatchObject({ cursor: '2026-05-20 09:00:00' });

		const later = seed(env, 2, { updatedAt: '2026-05-20 09:05:00' });
		expect(ids(await poller.poll())).toEqual(later.map((o) => o.order_id));
		// Default overlap of 60 s before the last update time seen.
		expect(lastQuery()).toEqual({ page: '1', date: '2026-05-20 08:59:00' });
		expect(await poller.poll()).toBeNull();
		expect(lastQuery()).toEqual({ page: '1', date: '2026-05-20 09:04:00' });

		poller.reload(); // the state survives n8n saving and restoring static data
		expect(await poller.poll()).toBeNull();
	});

	it('never misses an order whose update time equals the last one seen', async () => {
		const poller = trigger();
		seed(env, 1, { updatedAt: '2026-05-20 09:00:00' });
		await poller.poll();
		const sameSecond = seed(env, 2, { updatedAt: '2026-05-20 09:00:00' });
		expect(ids(await poller.poll())).toEqual(sameSecond.map((o) => o.order_id));
		expect(await poller.poll()).toBeNull();
	});

	it('catches an order saved late with an update time inside the overlap', async () => {
		const poller = trigger({ options: { overlapSeconds: 120 } });
		seed(env, 1, { updatedAt: '2026-05-20 09:10:00' });
		await poller.poll();
		const late = seed(env, 1, { updatedAt: '2026-05-20 09:08:30' });
		expect(ids(await poller.poll())).toEqual([late[0].order_id]);
		expect(lastQuery()?.date).toBe('2026-05-20 09:08:00');
	});

	it('emits an order again when it leaves the queue and re-enters it later', async () => {
		const poller = trigger({ queue: 'pending_shipment' });
		await poller.poll();
		const [fo] = seed(env, 1, { queue: 'pending_shipment' });
		expect(ids(await poller.poll())).toEqual([fo.order_id]);

		env.sandbox.state.clock.advance(5_000);
		vendor(env).orders.fail(fo.order_id, 'carrier rejected the label', 'test');
		expect(await poller.poll()).toBeNull();
		env.sandbox.state.clock.advance(5_000);
		vendor(env).orders.restore(fo.order_id, 'test');
		const again = await poller.poll();
		expect(ids(again)).toEqual([fo.order_id]);
		expect(again?.[0][0].json.updated_at).not.toBe(fo.updated_at);
	});

	it('reads every page of a large arrival and emits it oldest update first', async () => {
		const poller = trigger();
		await poller.poll();
		const newer = seed(env, 120, { updatedAt: '2026-05-20 10:00:02' });
		const older = seed(env, 110, { updatedAt: '2026-05-20 10:00:01' });
		const emitted = ids(await poller.poll());
		expect(emitted).toEqual([...older, ...newer].map((o) => o.order_id));
		expect(
			queueCalls()
				.slice(1)
				.map((r) => r.query.page),
		).toEqual(['1', '2', '3']);
		expect(await poller.poll()).toBeNull();
	});

	it('loses nothing when a poll fails', async () => {
		const poller = trigger({ options: { maxRetries: 0 } });
		seed(env, 1, { updatedAt: '2026-05-20 09:00:00' });
		await poller.poll();
		const before = JSON.stringify(poller.staticData());
		const arrived = seed(env, 2, { updatedAt: '2026-05-20 09:01:00' });
		queuesFail();
		await expect(poller.poll()).rejects.toThrow('HTTP 500');
		expect(JSON.stringify(poller.staticData())).toBe(before);
		expect(ids(await poller.poll())).toEqual(arrived.map((o) => o.order_id));
	});

	it('emits the orders already queued on the first poll when asked to', async () => {
		const existing = seed(env, 4);
		const poller = trigger({ options: { emitExisting: true } });
		expect(ids(await poller.poll())).toEqual(existing.map((o) => o.order_id));
		expect(await poller.poll()).toBeNull();
	});

	it('returns a sample in manual mode without touching state', async () => {
		const existing = seed(env, 150);
		const poller = trigger();
		const sample = await poller.poll('manual');
		expect(ids(sample)).toEqual([existing[0].order_id]);
		expect(poller.staticData()).toEqual({});
		expect(queueCalls()).toHaveLength(1);
		expect(await poller.poll()).toBeNull();
	});

	it('starts afresh when the watched queue changes, instead of flooding with the other queue', async () => {
		seed(env, 2, { queue: 'failed' });
		const accept = trigger({ queue: 'pending_accept' });
		await accept.poll();
		seed(env, 1);
		const state = accept.staticData();
		const failed = trigger({ queue: 'failed' });
		Object.assign(failed.staticData(), JSON.parse(JSON.stringify(state)));
		expect(await failed.poll()).toBeNull();
		expect(failed.staticData()).toMatchObject({ scope: 'failed|updateTime|UTC' });
		const [newlyFailed] = seed(env, 1, { queue: 'failed', updatedAt: '2099-01-01 00:00:00' });
		expect(ids(await failed.poll())).toEqual([newlyFailed.order_id]);
	});

	it('converts update times that carry an offset into the Date Filter Time Zone', async () => {
		const poller = trigger({ options: { dateFilterTimeZone: 'Europe/Berlin' } });
		queueAnswers([{ order_id: 'FO-1', updated_at: '2026-05-20T07:00:00Z' }]);
		await poller.poll();
		expect(poller.staticData()).toMatchObject({
			cursor: '2026-05-20 09:00:00',
			seen: ['FO-1@2026-05-20 09:00:00'],
		});
		await poller.poll();
		expect(lastQuery()?.date).toBe('2026-05-20 08:59:00');
	});

	it('fails clearly, and keeps its state, when orders carry no update time', async () => {
		const poller = trigger();
		await poller.poll();
		queueAnswers([{ order_id: 'FO-1', items: [] }]);
		await expect(poller.poll()).rejects.toThrow(
			'ShipperOne order FO-1 has no readable update time (updated_at), so the date filter cannot be used',
		);
		expect(poller.staticData()).toMatchObject({ initialized: true });
		expect(poller.staticData().seen).toEqual([]);
	});

	describe('with Queue Snapshot', () => {
		const snapshot = (parameters: INodeParameters = {}) =>
			trigger({
				...parameters,
				options: { detectBy: 'snapshot', ...(parameters.options as object) },
			});

		it('reads the whole queue without a date and emits orders that were not in it at the previous poll', async () => {
			seed(env, 2);
			const poller = snapshot();
			expect(await poller.poll()).toBeNull();
			const later = seed(env, 2);
			expect(ids(await poller.poll())).toEqual(later.map((o) => o.order_id));
			expect(queueCalls().every((r) => r.query.date === undefined)).toBe(true);
			expect(await poller.poll()).toBeNull();
		});

		it('does not emit an order again when it is updated in place, only when it re-enters', async () => {
			const poller = snapshot();
			const fo = await emitThenUpdateInPlace(poller);
			expect(await poller.poll()).toBeNull();
			vendor(env).orders.fail(fo.order_id, 'stuck', 'test');
			// Missing from one snapshot could be a page shift: only an order missing from two is taken as gone.
			expect(await poller.poll()).toBeNull();
			expect(await poller.poll()).toBeNull();
			vendor(env).orders.restore(fo.order_id, 'test');
			expect(ids(await poller.poll())).toEqual([fo.order_id]);
		});

		it('works without any update time on the orders', async () => {
			const poller = snapshot();
			await poller.poll();
			queueAnswers([{ order_id: 'FO-1' }]);
			expect(ids(await poller.poll())).toEqual(['FO-1']);
		});
	});

	it('emits an order updated in place again with Update Time (documented trade-off)', async () => {
		const poller = trigger();
		const fo = await emitThenUpdateInPlace(poller);
		const again = await poller.poll();
		expect(ids(again)).toEqual([fo.order_id]);
		expect(again?.[0][0].json.status).toBe('partially_accepted');
	});

	describe('queue changes during and between polls', () => {
		afterEach(() => jest.restoreAllMocks());
		const page2 = (request: { path: string; query: Record<string, unknown> }) =>
			request.path.includes('/fulfillmentOrders/') && request.query.page === '2';

		it('Queue Snapshot: 30 orders leaving page 1 while page 2 is read cause no emission', async () => {
			const queued = seed(env, 150);
			const poller = trigger({ options: { detectBy: 'snapshot' } });
			expect(await poller.poll()).toBeNull();
			duringRequest(env, page2, () => {
				for (const fo of queued.slice(0, 30))
					vendor(env).orders.fail(fo.order_id, 'test: left', 'test');
			});
			expect(await poller.poll()).toBeNull();
			jest.restoreAllMocks();
			expect(await poller.poll()).toBeNull();
			const [later] = seed(env, 1);
			expect(ids(await poller.poll())).toEqual([later.order_id]);
		});

		it.each([['updateTime'], ['snapshot']])(
			'%s: misses and doubles nothing while orders arrive and leave',
			async (detectBy) => {
				const queued = seed(env, 130);
				const poller = trigger({ options: { detectBy } });
				await poller.poll();
				const emitted: unknown[] = [];
				const added: string[] = [];
				for (let round = 0; round < 4; round++) {
					env.sandbox.state.clock.advance(1_000);
					const during = duringRequest(env, page2, () => {
						for (const fo of queued.splice(0, 15))
							vendor(env).orders.fail(fo.order_id, 'test: left', 'test');
						added.push(...seed(env, 3).map((fo) => fo.order_id));
					});
					emitted.push(...ids(await poller.poll()));
					expect(during.fired).toBe(true);
					jest.restoreAllMocks();
					env.sandbox.state.clock.advance(1_000);
					added.push(...seed(env, 2).map((fo) => fo.order_id));
					emitted.push(...ids(await poller.poll()));
				}
				expect(emitted.slice().sort()).toEqual(added.slice().sort());
				expect(new Set(emitted).size).toBe(emitted.length);
			},
		);
	});

	describe('re-emission of unfinished orders', () => {
		afterEach(() => jest.restoreAllMocks());

		it('Update Time: reads the whole queue only when an order is due, and re-emits those still in it', async () => {
			const time = travel();
			const poller = trigger({ options: { reEmitAfterMinutes: 15, reEmitMaxTimes: 1 } });
			await poller.poll();
			const [accepted, stranded] = seed(env, 2);
			expect(ids(await poller.poll())).toEqual([accepted.order_id, stranded.order_id]);
			vendor(env).orders.fail(accepted.order_id, 'test: left', 'test');
			time.by(14);
			const before = queueCalls().length;
			expect(await poller.poll()).toBeNull();
			expect(
				queueCalls()
					.slice(before)
					.every((r) => r.query.date !== undefined),
			).toBe(true);
			time.by(1);
			const due = queueCalls().length;
			expect(reEmissionMarks(await poller.poll())).toEqual([[stranded.order_id, true, 2]]);
			expect(
				queueCalls()
					.slice(due)
					.map((r) => r.query.date),
			).toContain(undefined);
			time.by(15);
			expect(await poller.poll()).toBeNull();
			expect(poller.staticData().outstanding).toBeUndefined();
		});

		it('loses nothing when the re-check read fails', async () => {
			const time = travel();
			const poller = trigger({ options: { reEmitAfterMinutes: 15, maxRetries: 0 } });
			await poller.poll();
			const [stranded] = seed(env, 1);
			await poller.poll();
			time.by(15);
			const [arrived] = seed(env, 1);
			const before = JSON.stringify(poller.staticData());
			// The dated read passes; the whole-queue re-check fails.
			queuesFail({ after: 1 });
			await expect(poller.poll()).rejects.toThrow('HTTP 500');
			expect(JSON.stringify(poller.staticData())).toBe(before);
			expect(reEmissionMarks(await poller.poll())).toEqual([
				[arrived.order_id, undefined, undefined],
				[stranded.order_id, true, 2],
			]);
		});

		it('Queue Snapshot: re-emits from its own read', async () => {
			const time = travel();
			const poller = trigger({ options: { detectBy: 'snapshot', reEmitAfterMinutes: 5 } });
			await poller.poll();
			const [fo] = seed(env, 1);
			expect(ids(await poller.poll())).toEqual([fo.order_id]);
			time.by(5);
			const before = queueCalls().length;
			expect(reEmissionMarks(await poller.poll())).toEqual([[fo.order_id, true, 2]]);
			expect(queueCalls()).toHaveLength(before + 1);
		});
	});
});
