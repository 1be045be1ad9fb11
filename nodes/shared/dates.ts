import { DateTime, IANAZone } from 'luxon';
import { shown, z } from './validation';

/**
 * A date as n8n parameters deliver it: ISO text with or without an offset (the date picker gives
 * none), "yyyy-mm-dd hh:mm:ss", a JS Date, a Luxon DateTime or epoch milliseconds. Text without an
 * offset is read in `zone` — pass the workflow's time zone, which is how n8n shows such dates.
 */
export function toDateTime(value: unknown, zone: string): DateTime | undefined {
	if (DateTime.isDateTime(value)) return value;
	if (value instanceof Date) return DateTime.fromJSDate(value);
	if (typeof value === 'number') return DateTime.fromMillis(value);
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	const iso = DateTime.fromISO(text, { zone, setZone: true });
	return iso.isValid ? iso : DateTime.fromSQL(text, { zone, setZone: true });
}

/** An optional date (see `toDateTime`); empty means not set. */
export function optionalDateTime(label: string, zone: string) {
	return z.unknown().transform((value, ctx) => {
		if (value === undefined || value === null || value === '') return undefined;
		const date = toDateTime(value, zone);
		if (date?.isValid) return date;
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			message: `${label} must be a date and time such as 2026-05-20T09:14:00 (got ${shown(value)})`,
		});
		return z.NEVER;
	});
}

/** An IANA time zone name such as "UTC" or "Europe/Berlin". */
export function timeZone(label: string) {
	return z.unknown().transform((value, ctx) => {
		const text = typeof value === 'string' ? value.trim() : '';
		if (text !== '' && IANAZone.isValidZone(text)) return text;
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			message: `${label} must be a time zone name such as UTC or Europe/Berlin (got ${shown(value)})`,
		});
		return z.NEVER;
	});
}
