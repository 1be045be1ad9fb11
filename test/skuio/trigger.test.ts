import type { INodeParameters } from 'n8n-workflow';
import type { Poller } from '../harness';
import { duringRequest, travel } from '../support/time';
import { requests, seed, store, useSkuIo } from './helpers';
import { emittedField, pollerOf } from '../support/poll';

type Emitted = Awaited<ReturnType<Poller['poll']>>;

describe('SKU.io Trigger', () => {
	const env = useSkuIo();
	const trigger = pollerOf(env, 'skuIoTrigger', { event: 'created' });
	const ids = (emitted: Emitted) => emittedField(emitted, 'id');

	it('keeps the stored scope of each setting byte for byte (Status is not read while watching creations)', async () => {
		const scopeAfterPoll = async (parameters: Record<string, unknown>) => {
			const poller = trigger(parameters);
			await poller.poll();
			return poller.staticData().scope;
		};
		expect(await scopeAfterPoll({ status: 'shipped' })).toBe('["created","",""]');
		expect(
			await scopeAfterPoll({
				event: 'status',
				status: ' submitted ',
				filters: { fulfillmentType: 'fba' },
			}),
		).toBe('["status","submitted","fba"]');
	});

	describe('Fulfillment Created', () => {
		it('emits each new fulfillment once, in ID order, across polls and restarts', async () => {
			seed(env, 3);
			const poller = trigger();
			expect(await poller.poll()).toBeNull(); // fulfillments there at activation are not new
			expect(requests(env)[0].query).toEqual({ sort: '-id', page: '1', per_page: '1' });

			const later = seed(env, 2);
			expect(ids(await poller.poll())).toEqual(later);
			expect(await poller.poll()).toBeNull();

			poller.reload(); // state survives n8n saving and restoring static data
			const more = seed(env, 1);
			expect(ids(await poller.poll())).toEqual(more);
			expect(await poller.poll()).toBeNull();
		});

		it('reads page after page, newest first, only down to the last fulfillment seen', async () => {
			seed(env, 50);
			const poller = trigger();
			await poller.poll();
			const batch = seed(env, 230);
			expect(ids(await poller.poll())).toEqual(batch);
			const pages = requests(env)
				.slice(1)
				.map((r) => [r.query.sort, r.query.page, r.query.per_page]);
			expect(pages).toEqual([
				['-id', '1', '100'],
				['-id', '2', '100'],
				['-id', '3', '100'],
			]);
		});

		it('catches everything created after a first poll that found nothing', async () => {
			const poller = trigger();
			expect(await poller.poll()).toBeNull();
			const created = seed(env, 3);
			expect(ids(await poller.poll())).toEqual(created);
		});

		it('loses nothing when a poll fails', async () => {
			seed(env, 1);
			const poller = trigger({ options: { maxRetries: 0 } });
			await poller.poll();
			const before = JSON.stringify(poller.staticData());
			const arrived = seed(env, 2);
			env.sandbox.state.faults.add({ vendor: 'skuio', status: 500 });
			await expect(poller.poll()).rejects.toThrow('HTTP 500');
			expect(JSON.stringify(poller.staticData())).toBe(before);
			expect(ids(await poller.poll())).toEqual(arrived);
		});

		it('returns the newest fulfillment in manual mode without touching state', async () => {
			const existing = seed(env, 4);
			const poller = trigger();
			expect(ids(await poller.poll('manual'))).toEqual([existing[3]]);
			expect(poller.staticData()).toEqual({});
			expect(await poller.poll()).toBeNull();
		});

		it('watches one fulfillment type', async () => {
			const poller = trigger({ filters: { fulfillmentType: 'fba' } });
			await poller.poll();
			const fba = seed(env, 2, { fulfillmentType: 'fba' });
			seed(env, 2, { fulfillmentType: 'shiphero' });
			expect(ids(await poller.poll())).toEqual(fba);
			expect(requests(env).at(-1)?.query).toMatchObject({ 'filter[fulfillment_type]': 'fba' });
		});
	});

	describe('Fulfillment Reached Status', () => {
		it('emits a fulfillment once when it reaches the status, and not again when it changes while there', async () => {
			const [waiting, other] = seed(env, 2, { status: 'unsubmitted' });
			seed(env, 2, { status: 'submitted' });
			const poller = trigger({ event: 'status', status: 'submitted' });
			expect(await poller.poll()).toBeNull();
			expect(requests(env)[0].query).toMatchObject({
				'filter[status]': 'submitted',
				sort: '-updated_at',
			});

			store(env).setStatus(waiting, 'submitted', 'test');
			const [createdSubmitted] = seed(env, 1, { status: 'submitted' });
			expect(ids(await poller.poll())).toEqual([waiting, createdSubmitted]);
			expect(await poller.poll()).toBeNull();

			store(env).updateShippingDetails(waiting, { tracking_number: 'CHANGED' }, 'test');
			expect(await poller.poll()).toBeNull();

			poller.reload();
			store(env).setStatus(other, 'submitted', 'test');
			const emitted = await poller.poll();
			expect(ids(emitted)).toEqual([other]);
			expect(emitted?.[0][0].json).toMatchObject({ status: 'submitted' });
		});

		it('reads the status list by last update only as far as the last update seen', async () => {
			const [first] = seed(env, 150, { status: 'unsubmitted' });
			const poller = trigger({ event: 'status', status: 'submitted' });
			await poller.poll();
			env.sandbox.state.clock.advance(60_000);
			store(env).setStatus(first, 'submitted', 'test');
			env.sandbox.state.clock.advance(60_000);
			seed(env, 150, { status: 'submitted' });
			env.sandbox.state.clock.advance(60_000);
			const before = requests(env).length;
			expect(ids(await poller.poll())).toHaveLength(151);

			// After a read of several pages, the next poll reads them again: a fulfillment leaving the
			// status during that read may have shifted another past a page boundary unseen.
			const again = requests(env).length;
			expect(await poller.poll()).toBeNull();
			expect(
				requests(env)
					.slice(again)
					.map((r) => r.query.page),
			).toEqual(['1', '2']);

			env.sandbox.state.clock.advance(60_000);
			store(env).setStatus(first + 1, 'submitted', 'test');
			const fromPoll = requests(env).length;
			expect(ids(await poller.poll())).toEqual([first + 1]);
			// The newest-updated page holds the change and then older updates: no second page is read.
			expect(
				requests(env)
					.slice(fromPoll)
					.map((r) => r.query.page),
			).toEqual(['1']);
			expect(
				requests(env)
					.slice(before, again)
					.map((r) => r.query.page),
			).toEqual(['1', '2']);
		});

		it('does not emit fulfillments that were already in the status at activation with the same update time as the newest', async () => {
			// A bulk status change: several fulfillments reach the status in the same second.
			const alreadyThere = seed(env, 3, { status: 'unsubmitted' });
			for (const id of alreadyThere) store(env).setStatus(id, 'submitted', 'test');
			const poller = trigger({ event: 'status', status: 'submitted' });
			expect(await poller.poll()).toBeNull();
			expect(requests(env)).toHaveLength(1);
			expect(await poller.poll()).toBeNull();

			const [waiting] = seed(env, 1, { status: 'unsubmitted' });
			env.sandbox.state.clock.advance(1_000);
			store(env).setStatus(waiting, 'submitted', 'test');
			expect(ids(await poller.poll())).toEqual([waiting]);
		});

		it('emits the fulfillments already in the status on the first poll when asked to', async () => {
			const submitted = seed(env, 3, { status: 'submitted' });
			seed(env, 2, { status: 'fulfilled' });
			const poller = trigger({
				event: 'status',
				status: 'submitted',
				options: { emitExisting: true },
			});
			expect(ids(await poller.poll())).toEqual(submitted);
			expect(await poller.poll()).toBeNull();
		});

		it('starts afresh when switched from new fulfillments to a status, instead of reusing the ID cursor', async () => {
			const [waiting] = seed(env, 1, { status: 'unsubmitted' });
			const parameters: INodeParameters = { event: 'created' };
			const poller = env.harness.poller({ nodeType: 'skuIoTrigger', parameters });
			await poller.poll();
			seed(env, 1);
			expect(await poller.poll()).not.toBeNull();

			Object.assign(parameters, { event: 'status', status: 'submitted' });
			const switched = env.harness.poller({ nodeType: 'skuIoTrigger', parameters });
			Object.assign(switched.staticData(), poller.staticData());
			expect(await switched.poll()).toBeNull(); // a new start: the submitted ones there now are not "reached"
			store(env).setStatus(waiting, 'submitted', 'test');
			expect(ids(await switched.poll())).toEqual([waiting]);
		});

		it('asks for a status', async () => {
			const poller = trigger({ event: 'status', status: ' ' });
			await expect(poller.poll()).rejects.toThrow('Status is required when triggering on a status');
			expect(requests(env)).toHaveLength(0);
		});
	});

	describe('changes during and between polls', () => {
		afterEach(() => jest.restoreAllMocks());
		const page2 = (request: { path: string; query: Record<string, unknown> }) =>
			request.path.includes('sales-order-fulfillments') && request.query.page === '2';

		it('Fulfillment Created: misses and doubles nothing while fulfillments are created during a read', async () => {
			const poller = trigger();
			await poller.poll();
			const emitted: unknown[] = [];
			const added: number[] = [];
			for (let round = 0; round < 3; round++) {
				added.push(...seed(env, 130));
				// Newest first: 7 created before page 2 is read push 7 already read onto it.
				const during = duringRequest(env, page2, () => added.push(...seed(env, 7)));
				emitted.push(...ids(await poller.poll()));
				expect(during.fired).toBe(true);
				jest.restoreAllMocks();
				added.push(...seed(env, 2));
				emitted.push(...ids(await poller.poll()));
			}
			expect(emitted).toEqual(added);
		});

		it('Fulfillment Reached Status: misses and doubles nothing while fulfillments reach and leave it', async () => {
			const waiting = seed(env, 400, { status: 'unsubmitted' });
			const poller = trigger({ event: 'status', status: 'submitted' });
			await poller.poll();
			const emitted: unknown[] = [];
			const reached: number[] = [];
			const reach = (count: number) => {
				for (const id of waiting.splice(0, count)) {
					env.sandbox.state.clock.advance(1_000);
					store(env).setStatus(id, 'submitted', 'test');
					reached.push(id);
				}
			};
			for (let round = 0; round < 3; round++) {
				env.sandbox.state.clock.advance(60_000);
				reach(120);
				const during = duringRequest(env, page2, () => {
					// Some already emitted leave the status, others reach it, while the poll is between pages.
					for (const id of reached.slice(-10)) store(env).setStatus(id, 'fulfilled', 'test');
					reach(5);
				});
				emitted.push(...ids(await poller.poll()));
				expect(during.fired).toBe(true);
				jest.restoreAllMocks();
				reach(3);
				emitted.push(...ids(await poller.poll()));
			}
			expect(emitted.slice().sort()).toEqual(reached.slice().sort());
			expect(new Set(emitted).size).toBe(emitted.length);
		});
	});

	describe('re-emission (Fulfillment Reached Status)', () => {
		afterEach(() => jest.restoreAllMocks());

		it('emits a fulfillment still in the status after the interval again, marked', async () => {
			const time = travel();
			const [left, stays] = seed(env, 2, { status: 'unsubmitted' });
			const poller = trigger({
				event: 'status',
				status: 'submitted',
				options: { reEmitAfterMinutes: 20 },
			});
			await poller.poll();
			store(env).setStatus(left, 'submitted', 'test');
			store(env).setStatus(stays, 'submitted', 'test');
			expect(ids(await poller.poll())).toEqual([left, stays]);
			store(env).setStatus(left, 'fulfilled', 'test');
			time.by(20);
			const emitted = await poller.poll();
			expect(
				(emitted?.[0] ?? []).map((item) => [
					item.json.id,
					item.json.reEmitted,
					item.json.emitAttempt,
				]),
			).toEqual([[stays, true, 2]]);
		});

		it('has nothing to re-emit for Fulfillment Created', async () => {
			const time = travel();
			const poller = trigger({ options: { reEmitAfterMinutes: 1 } });
			await poller.poll();
			seed(env, 1);
			expect(ids(await poller.poll())).toHaveLength(1);
			time.by(5);
			expect(await poller.poll()).toBeNull();
			expect(poller.staticData().outstanding).toBeUndefined();
		});
	});
});
