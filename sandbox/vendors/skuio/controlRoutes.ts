import { HttpError } from '../../core/http-error';
import { json } from '../../core/response';
import type { Router } from '../../core/router';
import type { ExportRoute } from './exportRoute';
import { STATUSES, type FulfillmentStatus } from './model';
import { objectBody } from './params';
import type { Store } from './store';

/** `/_control/skuio/…`: fulfillments, status changes, the provider shipping, export padding, jobs. */
export function registerControlRoutes(
	router: Router,
	store: Store,
	exportRoute: ExportRoute,
): void {
	router
		.get('/fulfillments', () => json(200, { fulfillments: store.all() }))
		.get('/fulfillments/:id', (request) =>
			json(200, { fulfillment: store.require(Number(request.params.id)) }),
		)
		.post('/fulfillments/:id/status', (request) => {
			const { status } = objectBody(request);
			if (!STATUSES.includes(status as FulfillmentStatus))
				throw new HttpError(400, `status must be one of: ${STATUSES.join(', ')}`);
			return json(200, {
				fulfillment: store.setStatus(
					Number(request.params.id),
					status as FulfillmentStatus,
					request.cause,
				),
			});
		})
		.post('/fulfillments/:id/provider-ships', (request) => {
			const { tracking_number: tracking } = objectBody(request);
			if (typeof tracking !== 'string' || tracking === '')
				throw new HttpError(400, 'tracking_number is required');
			return json(200, {
				fulfillment: store.providerShips(Number(request.params.id), tracking),
			});
		})
		.post('/export-size', (request) => {
			const { bytes } = objectBody(request);
			if (!Number.isSafeInteger(bytes) || (bytes as number) < 0 || (bytes as number) > 1024 ** 3)
				throw new HttpError(400, 'bytes must be an integer from 0 to 1073741824');
			exportRoute.csvMinBytes = bytes as number;
			return json(200, { csvMinBytes: exportRoute.csvMinBytes });
		})
		.get('/jobs/:id', (request) => {
			const job = store.job(Number(request.params.id));
			if (!job) throw new HttpError(404, `No job ${request.params.id}`);
			return json(200, { job });
		});
}
