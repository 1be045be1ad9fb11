import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { optionsCollection } from '../shared/description';
import { defineOperation, type Operation } from '../shared/operations';
import { apiRequest } from '../shared/transport';
import { forEachValidatedItem, readConcurrency } from '../shared/items';
import { guardUnreadable, sendWithReadBack } from '../shared/outcome';
import { readFulfillment } from './readBack';
import { fulfillmentPath, readRecord, skuIo } from './transport';
import { fulfillmentIdProperty, readFulfillmentId } from './fulfillmentId';
import { concurrencyOption } from '../shared/concurrency';

export interface FulfillmentActionConfig extends Omit<Operation, 'properties' | 'execute'> {
	/** The last path segment, e.g. `resync-from-provider`. */
	route: string;
	idDescription: string;
	/** Completes "SKU.io could not …", e.g. (id) => `resync fulfillment ${id} from its provider`. */
	what(fulfillmentId: number): string;
	/** Whether sending the action twice leaves the same state (then a 5xx or lost connection is retried). */
	idempotent: boolean;
	/**
	 * For provider actions: which providers support it. A refusal then becomes a `supported: false` item
	 * under continueOnFail, instead of an error item.
	 */
	supportedProviders?: string;
	/**
	 * For actions that must happen once (submit, cancel): whether the fulfillment already shows the
	 * action done. Checked before sending, so a retried or re-run flow does not repeat it, and read
	 * back after a failure that leaves the outcome open. `field` marks an output that was already done.
	 * `check` answers undefined when the record does not show it: then nothing is sent (fail closed).
	 */
	done?: { check(record: IDataObject): boolean | undefined; field: string };
}

/** SKU.io answered 200 but did not do it (e.g. the fulfillment's provider does not support the action). */
function refused(body: unknown): body is IDataObject {
	if (typeof body !== 'object' || body === null) return false;
	const answer = body as IDataObject;
	return answer.success === false || answer.supported === false;
}

/** A POST to `/api/v2/sales-order-fulfillments/{id}/<route>` with no body: the sales channel and provider actions. */
export function fulfillmentAction(config: FulfillmentActionConfig): Operation {
	const { resource, value, name, action, description, toolDescription } = config;

	async function execute(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		return await forEachValidatedItem(
			this,
			items,
			(i) => readFulfillmentId(this, i),
			async (i, fulfillmentId) => {
				const send = async () =>
					await apiRequest(this, skuIo, {
						method: 'POST',
						path: fulfillmentPath(fulfillmentId, config.route),
						idempotent: config.idempotent,
						itemIndex: i,
					});
				let body: unknown;
				const { done } = config;
				if (done) {
					const before = await readFulfillment(this, fulfillmentId, i);
					const state = done.check(before);
					if (state === true) return { ...before, [done.field]: true };
					if (state === undefined)
						throw guardUnreadable(
							this,
							i,
							`fulfillment ${fulfillmentId} in SKU.io`,
							`SKU.io's record of fulfillment ${fulfillmentId} does not show whether it was done already`,
						);
					const sent = await sendWithReadBack({
						send,
						applied: async () => done.check(await readFulfillment(this, fulfillmentId, i)),
						check: `fulfillment ${fulfillmentId} in SKU.io`,
					});
					if (sent.outcome === 'applied') {
						return { ...(await readFulfillment(this, fulfillmentId, i)), outcome: 'applied' };
					}
					body = sent.result;
				} else {
					body = await send();
				}
				if (!refused(body)) return readRecord(body);

				const said = typeof body.message === 'string' ? body.message : 'no reason given';
				const message = `SKU.io could not ${config.what(fulfillmentId)}: ${said}`;
				if (config.supportedProviders && this.continueOnFail()) {
					return { id: fulfillmentId, ...body, supported: false, error: message };
				}
				throw new NodeOperationError(this.getNode(), message, {
					itemIndex: i,
					description: config.supportedProviders
						? `Supported providers: ${config.supportedProviders}.`
						: undefined,
				});
			},
			{ concurrency: readConcurrency(this), lane: (fulfillmentId) => String(fulfillmentId) },
		);
	}

	return defineOperation({
		resource,
		value,
		name,
		action,
		description,
		write: true,
		toolDescription,
		properties: [
			...fulfillmentIdProperty(config.idDescription),
			optionsCollection([concurrencyOption]),
		],
		execute,
	});
}
