import { isProviderOrderCanceled } from '../../readBack';
import { fulfillmentAction } from '../../fulfillmentAction';

/** Cancels the order at the shipping provider (the fulfillment itself stays; use Void for that). */
export const operation = fulfillmentAction({
	resource: 'shipmentProvider',
	value: 'cancelOrder',
	name: 'Cancel Provider Order',
	action: 'Cancel the provider order of a fulfillment',
	description: 'Cancel the order at the shipping provider',
	toolDescription:
		'Cancel the order of one SKU.io fulfillment (numeric ID such as 1001) at its shipping provider (Amazon MCF, Shipfusion, ShipHero, Trackstar, Veracore). Safe to repeat: when the provider order is already canceled nothing is sent and the output says alreadyCanceled: true. Preview Only returns the request without sending it.',
	route: 'cancel-provider-order',
	idDescription: 'The ID of the fulfillment whose provider order to cancel',
	what: (id) => `cancel the provider order of fulfillment ${id}`,
	// After a lost answer a repeat would be refused as already cancelled, hiding the first success.
	idempotent: false,
	done: { check: isProviderOrderCanceled, field: 'alreadyCanceled' },
	supportedProviders: 'Amazon MCF (FBA), Shipfusion, ShipHero, Trackstar and Veracore',
});
