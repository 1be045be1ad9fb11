import { HttpError } from '../../core/http-error';
import { json } from '../../core/response';
import type { SandboxRequest } from '../../core/request';
import type { Router } from '../../core/router';
import { authorized } from './auth';
import { unprocessable } from './errors';
import {
	fulfillmentId,
	matchesFilter,
	objectBody,
	parseFilterBody,
	single,
	voidReason,
} from './params';
import { detail } from './readRoutes';
import type { Store } from './store';

/** Up to this many shipments a bulk void runs at once; more become a tracked background job. */
export const BULK_SYNC_LIMIT = 30;

/** Void one shipment, and bulk void (by ids, or all matching filters). */
export function registerVoidRoutes(router: Router, store: Store): void {
	const found = (request: SandboxRequest) => store.require(fulfillmentId(request));

	router
		.delete(
			'/api/sales-order-fulfillments/:salesOrderFulfillment',
			authorized((request) => {
				const { id } = found(request);
				const check = single(request.query, 'check-deletable') ?? '1';
				if (check !== '0' && check !== '1')
					unprocessable('check-deletable', 'The check-deletable field must be 0 or 1.');
				const reason = voidReason(objectBody(request));
				const reasons = store.voidRefusals(id, { checkDeletable: check === '1', force: false });
				if (Object.keys(reasons).length)
					throw new HttpError(400, 'This shipment cannot be voided.', { details: { reasons } });
				return json(200, {
					message: 'Shipment voided.',
					data: detail(store.void(id, reason, request.cause)),
				});
			}),
		)
		.delete(
			'/api/sales-order-fulfillments',
			authorized((request) => {
				const body = objectBody(request);
				const options = {
					force: parseForce(body.force),
					reason: voidReason(body),
					cause: request.cause,
				};
				const ids = bulkTargets(body);
				if (ids.length > BULK_SYNC_LIMIT) {
					const job = store.startBulkVoidJob(ids, options);
					return json(202, {
						message: `Voiding ${ids.length} shipments in the background.`,
						tracked_job_log_id: job.id,
					});
				}
				const results = store.bulkVoid(ids, options);
				return json(200, {
					message: `Voided ${results.voided.length} of ${ids.length} shipments.`,
					...results,
				});
			}),
		);

	function bulkTargets(body: Record<string, unknown>): number[] {
		const hasIds = body.ids !== undefined;
		const applyToAll = body.apply_to_all === true || body.apply_to_all === 1;
		if (hasIds === applyToAll)
			unprocessable('ids', 'Send either ids or apply_to_all with filters.');
		if (applyToAll) {
			const filter = parseFilterBody(body.filters ?? {});
			return store
				.all()
				.filter((f) => matchesFilter(filter, f))
				.map((f) => f.id);
		}
		const ids = body.ids;
		if (!Array.isArray(ids) || ids.length === 0)
			unprocessable('ids', 'The ids field must be a non-empty list.');
		const bad = ids.findIndex((id) => !Number.isSafeInteger(id) || (id as number) < 1);
		if (bad >= 0) unprocessable(`ids.${bad}`, `The ids.${bad} field must be an integer.`);
		return [...new Set(ids as number[])];
	}
}

function parseForce(value: unknown): boolean {
	if (value === undefined || value === null) return false;
	if (typeof value !== 'boolean' && value !== 0 && value !== 1)
		unprocessable('force', 'The force field must be true or false.');
	return Boolean(value);
}
