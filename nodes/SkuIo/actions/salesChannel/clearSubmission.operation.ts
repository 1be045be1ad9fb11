import { fulfillmentAction } from '../../fulfillmentAction';

/** Clears submitted_to_sales_channel_at so the next sync submits the tracking again. */
export const operation = fulfillmentAction({
	resource: 'salesChannel',
	value: 'clearSubmission',
	name: 'Clear Submission',
	action: 'Clear the sales channel submission of a fulfillment',
	description: 'Clear the submission time so the next sync submits the tracking again',
	toolDescription:
		'Clear the sales channel submission time of one SKU.io fulfillment (numeric ID such as 1001), so the next sync submits its tracking again. Safe to repeat. Preview Only returns the request without sending it.',
	route: 'clear-channel-submission',
	idDescription: 'The ID of the fulfillment to resubmit on the next sales channel sync',
	what: (id) => `clear the sales channel submission of fulfillment ${id}`,
	// Clearing a timestamp twice leaves it cleared.
	idempotent: true,
});
