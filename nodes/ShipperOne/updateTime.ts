import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';
import { toDateTime } from '../shared/dates';
import { DATE_FILTER_FORMAT } from './queue';

const UPDATE_TIME_FIELDS = ['updated_at', 'updatedAt'];
const HAS_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * An order's update time written the way the `date` filter reads it. A time without an offset
 * ("2026-05-20 09:14:00", the Magento form) is kept as it is: it comes from the same clock and time
 * zone the filter compares with, whichever that is. A time with an offset is converted to `zone`.
 */
export function updateTimeOf(order: IDataObject, zone: string): string | undefined {
	const raw = UPDATE_TIME_FIELDS.map((field) => order[field]).find(
		(value) => typeof value === 'string',
	);
	if (typeof raw !== 'string') return undefined;
	const text = raw.trim();
	const withOffset = HAS_OFFSET.test(text);
	const time = toDateTime(text, 'UTC');
	if (!time?.isValid) return undefined;
	return (withOffset ? time.setZone(zone) : time).toFormat(DATE_FILTER_FORMAT);
}

/** `time` ("yyyy-mm-dd hh:mm:ss") moved back by `seconds`, in the same wall-clock form. */
export function secondsBefore(time: string, seconds: number): string {
	return DateTime.fromFormat(time, DATE_FILTER_FORMAT, { zone: 'UTC' })
		.minus({ seconds })
		.toFormat(DATE_FILTER_FORMAT);
}
