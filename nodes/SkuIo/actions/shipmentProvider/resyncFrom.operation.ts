import { fulfillmentAction } from '../../fulfillmentAction';

/** Fetches tracking, status etc. from the shipping provider into the fulfillment. */
export const operation = fulfillmentAction({
	resource: 'shipmentProvider',
	value: 'resyncFrom',
	name: 'Resync From Provider',
	action: 'Resync a fulfillment from its provider',
	description: 'Update the fulfillment with the latest tracking and status from its provider',
	toolDescription:
		'Update one SKU.io fulfillment (numeric ID such as 1001) with the latest tracking and status from its shipping provider. Safe to repeat. Preview Only returns the request without sending it.',
	route: 'resync-from-provider',
	idDescription: 'The ID of the fulfillment to update from its shipping provider',
	what: (id) => `resync fulfillment ${id} from its provider`,
	// Reading the provider's data again only refreshes the same record.
	idempotent: true,
	supportedProviders: 'Shipstation, Starshipit, Shipfusion, ShipHero, Trackstar and Veracore',
});
