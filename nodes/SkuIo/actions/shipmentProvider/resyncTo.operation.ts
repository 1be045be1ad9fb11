import { fulfillmentAction } from '../../fulfillmentAction';

/** Sends the current line state to the shipping provider (update-capable providers, submitted fulfillments). */
export const operation = fulfillmentAction({
	resource: 'shipmentProvider',
	value: 'resyncTo',
	name: 'Resync to Provider',
	action: 'Resync a fulfillment to its provider',
	description: 'Send the current line state to the provider again',
	toolDescription:
		'Send the current lines of one submitted SKU.io fulfillment (numeric ID such as 1001) to its shipping provider again. Safe to repeat. Preview Only returns the request without sending it.',
	route: 'resync-to-provider',
	idDescription: 'The ID of the submitted fulfillment to send to its shipping provider again',
	what: (id) => `resync fulfillment ${id} to its provider`,
	// Sending the same current state again leaves the provider in the same state.
	idempotent: true,
	supportedProviders:
		'update-capable providers such as Shipfusion and ShipHero, for submitted fulfillments',
});
