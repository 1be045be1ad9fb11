import { json } from '../../core/response';
import type { SandboxRequest } from '../../core/request';
import type { Handler, Router } from '../../core/router';
import { authorized } from './auth';
import { unprocessable } from './errors';
import type { ProviderAction } from './model';
import { fulfillmentId, objectBody } from './params';
import { detail, ITEM } from './readRoutes';
import type { Store } from './store';

/** The actions on one fulfillment: sales channel, shipping provider, shipping details. */
export function registerActionRoutes(router: Router, store: Store): void {
	const found = (request: SandboxRequest) => store.require(fulfillmentId(request));

	const providerRoute = (action: ProviderAction): Handler =>
		authorized((request) => {
			const id = found(request).id;
			if (!store.supports(id, action)) {
				const fulfillment = store.require(id);
				return json(200, {
					success: false,
					supported: false,
					message: `${actionName(action)} is not supported for ${fulfillment.fulfillment_type} fulfillments.`,
				});
			}
			const { message, fulfillment } = store.providerAction(id, action, request.cause);
			return json(200, { success: true, message, data: detail(fulfillment) });
		});

	router
		.post(
			`${ITEM}/clear-channel-submission`,
			authorized((request) =>
				json(200, {
					message: 'Sales channel submission cleared.',
					data: detail(store.clearChannelSubmission(found(request).id, request.cause)),
				}),
			),
		)
		.post(
			`${ITEM}/submit-to-channel`,
			authorized((request) =>
				json(200, {
					message: 'Tracking submitted to the sales channel.',
					data: detail(store.submitToChannel(found(request).id, request.cause)),
				}),
			),
		)
		.post(`${ITEM}/resync-to-provider`, providerRoute('resync-to-provider'))
		.post(`${ITEM}/resync-from-provider`, providerRoute('resync-from-provider'))
		.post(`${ITEM}/cancel-provider-order`, providerRoute('cancel-provider-order'))
		.patch(
			`${ITEM}/shipping-details`,
			authorized((request) => {
				const { id } = found(request);
				const changes = parseShippingDetails(objectBody(request));
				return json(200, {
					message: 'Shipping details updated.',
					data: detail(store.updateShippingDetails(id, changes, request.cause)),
				});
			}),
		);
}

function parseShippingDetails(body: Record<string, unknown>): {
	tracking_number?: string | null;
	cost?: number;
} {
	const changes: { tracking_number?: string | null; cost?: number } = {};
	if (body.tracking_number !== undefined) {
		if (body.tracking_number !== null && typeof body.tracking_number !== 'string')
			unprocessable('tracking_number', 'The tracking number field must be a string.');
		if (typeof body.tracking_number === 'string' && body.tracking_number.length > 255)
			unprocessable(
				'tracking_number',
				'The tracking number field must not be greater than 255 characters.',
			);
		changes.tracking_number =
			body.tracking_number === '' ? null : (body.tracking_number as string | null);
	}
	if (body.cost !== undefined && body.cost !== null) {
		const cost =
			typeof body.cost === 'string' && body.cost.trim() !== '' ? Number(body.cost) : body.cost;
		if (typeof cost !== 'number' || !Number.isFinite(cost))
			unprocessable('cost', 'The cost field must be a number.');
		if (cost < 0) unprocessable('cost', 'The cost field must be at least 0.');
		changes.cost = cost;
	}
	if (Object.keys(changes).length === 0)
		unprocessable(
			'tracking_number',
			'The tracking number field is required when cost is not present.',
		);
	return changes;
}

function actionName(action: ProviderAction): string {
	return {
		'resync-to-provider': 'Resync to provider',
		'resync-from-provider': 'Resync from provider',
		'cancel-provider-order': 'Cancel provider order',
	}[action];
}
