// examples/skuio-trigger-bulk-void.json:
// SKU.io Trigger (new manual fulfillments) → Bulk Void (IDs of all emitted items, one request per 30).
const VENDOR = 'skuio';
const REASON = 'Manual shipments are booked in the warehouse app';

const ids = (items) => items.map((item) => item.id);

async function fulfillment(sandbox, id) {
	return (await sandbox.vendorControl(VENDOR, 'GET', `/fulfillments/${id}`)).fulfillment;
}

export default {
	trigger: 'New Manual Fulfillment',

	async prepare({ sandbox }) {
		await sandbox.reset(VENDOR);
		const { fulfillments: manual } = await sandbox.seed(VENDOR, {
			count: 2,
			fulfillmentType: 'manual',
		});
		const { fulfillments: others } = await sandbox.seed(VENDOR, {
			count: 2,
			fulfillmentType: 'shipstation',
		});
		return { manualIds: ids(manual), otherIds: ids(others) };
	},

	/** What any manual run may write: the newest manual fulfillment, made for it. */
	own: ({ prepared }) => [`${VENDOR}:fulfillment:${prepared.manualIds[1]}`],

	/**
	 * A rerun's sample is the fulfillment the first run voided: Only Open Ones stops it, so nothing is
	 * sent at all (not even a void SKU.io would refuse).
	 */
	async verifyRerun({ execution, sandbox, ledgerSince, expect }) {
		expect(execution.output('Only Open Ones')).toEqual([]);
		const requests = await sandbox.ledger({ vendor: VENDOR, type: 'request', since: ledgerSince });
		expect(requests.filter((request) => request.method !== 'GET')).toEqual([]);
	},

	/** The only fulfillment the run may write: the one the trigger gave it. */
	touches: ({ execution }) =>
		ids(execution.output('New Manual Fulfillment')).map((id) => `${VENDOR}:fulfillment:${id}`),

	async verify({ execution, sandbox, ledgerSince, prepared, expect }) {
		// Manual mode: the trigger returns the newest manual fulfillment as a sample and remembers nothing.
		const sample = execution.output('New Manual Fulfillment');
		expect(ids(sample)).toEqual([prepared.manualIds[1]]);
		expect(sample[0]).toMatchObject({ fulfillment_type: 'manual' });

		const [result] = execution.output('Bulk Void');
		expect(execution.output('Bulk Void')).toHaveLength(1);
		expect(result).toMatchObject({
			id: prepared.manualIds[1],
			result: 'voided',
			needs_confirmation: false,
			voided: true,
		});
		expect(execution.output('Only Open Ones')).toEqual(sample);

		const requests = await sandbox.ledger({ vendor: VENDOR, type: 'request', since: ledgerSince });
		const voids = requests.filter((request) => request.method === 'DELETE');
		// The DELETE carried its JSON body through n8n's HTTP helper.
		expect(voids.map((request) => [request.path, request.status, request.body])).toEqual([
			[
				'/skuio/api/sales-order-fulfillments',
				200,
				{ ids: [prepared.manualIds[1]], force: false, void_reason: REASON },
			],
		]);
		expect(await fulfillment(sandbox, prepared.manualIds[1])).toMatchObject({
			status: 'canceled',
			void_reason: REASON,
		});
		for (const id of [prepared.manualIds[0], ...prepared.otherIds])
			expect((await fulfillment(sandbox, id)).voided_at).toBeNull();
	},

	active: {
		vendor: VENDOR,
		key: (json) => String(json.id),

		async prepare({ sandbox }) {
			await sandbox.reset(VENDOR);
			// There before activation: the trigger must not emit (nor the flow void) these.
			const { fulfillments } = await sandbox.seed(VENDOR, { count: 2, fulfillmentType: 'manual' });
			return { before: ids(fulfillments) };
		},

		async addItems({ sandbox }) {
			const { fulfillments } = await sandbox.seed(VENDOR, { count: 2, fulfillmentType: 'manual' });
			await sandbox.seed(VENDOR, { count: 1, fulfillmentType: 'shiphero' });
			return ids(fulfillments).map(String);
		},

		async verify({ sandbox, prepared, rounds, ledgerSince, expect }) {
			const emitted = rounds.flat().map(Number);
			const changes = await sandbox.ledger({ vendor: VENDOR, type: 'change', since: ledgerSince });
			const voided = changes
				.filter((change) => change.to === 'canceled')
				.map((change) => Number(change.id));
			// Each new manual fulfillment was voided exactly once; nothing else was.
			expect(voided.sort()).toEqual([...emitted].sort());
			for (const id of prepared.before)
				expect((await fulfillment(sandbox, id)).voided_at).toBeNull();
		},
	},
};
