import { isSubmittedToChannel } from '../../readBack';
import { fulfillmentAction } from '../../fulfillmentAction';

/** Sends the tracking to the sales channel (e.g. Shopify) now; not to the shipping provider. */
export const operation = fulfillmentAction({
	resource: 'salesChannel',
	value: 'submit',
	name: 'Submit Tracking',
	action: 'Submit a fulfillment to its sales channel',
	description: 'Submit (or resubmit) the tracking to the sales channel now',
	toolDescription:
		'Submit the tracking of one SKU.io fulfillment (numeric ID such as 1001) to its sales channel now. Safe to repeat: a fulfillment already submitted is not sent again (the output says alreadySubmitted: true); to submit again, use Clear Submission first. Preview Only returns the request without sending it.',
	route: 'submit-to-channel',
	idDescription: 'The ID of the fulfillment whose tracking to submit to its sales channel',
	what: (id) => `submit fulfillment ${id} to its sales channel`,
	// A repeat may notify the channel (and its customer) twice, so it is not retried after a 5xx.
	idempotent: false,
	// Submitted already (by an earlier try or run): not sent again. To resubmit, Clear Submission first.
	done: { check: isSubmittedToChannel, field: 'alreadySubmitted' },
});
