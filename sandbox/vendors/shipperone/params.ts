import { HttpError } from '../../core/http-error';
import type { RawQuery } from '../../core/query';
import type { SandboxRequest } from '../../core/request';
import type { Line, Settings, Track } from './orders';

export interface QueueQuery {
	page: number;
	date?: string;
}

export interface AcceptRequest {
	orderId: string;
	lines: Line[];
}

export interface ShipRequest extends AcceptRequest {
	tracks: Track[];
	extra: Record<string, unknown>;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** Magento-style: the message keeps `%1` placeholders, `parameters` fills them. */
function invalid(message: string, parameters?: unknown[]): never {
	throw new HttpError(400, message, { details: parameters });
}

function single(query: RawQuery, name: string): string | undefined {
	const value = query[name];
	if (Array.isArray(value)) invalid('The "%1" parameter may be given only once.', [name]);
	return value;
}

/** `page` (default 1) and the optional `date=yyyy-mm-dd hh:mm:ss`; other parameters are ignored. */
export function parseQueueQuery(query: RawQuery): QueueQuery {
	const page = single(query, 'page');
	if (page !== undefined && (!/^\d+$/.test(page) || Number(page) < 1)) {
		invalid('Invalid page number "%1": pages start at 1.', [page]);
	}
	const date = single(query, 'date');
	if (date !== undefined && !isValidDate(date))
		invalid('Invalid date "%1": use yyyy-mm-dd hh:mm:ss.', [date]);
	return { page: page === undefined ? 1 : Number(page), date };
}

function isValidDate(text: string): boolean {
	const match = DATE.exec(text);
	if (!match) return false;
	const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
	const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
	return (
		date.getUTCMonth() === month - 1 &&
		date.getUTCDate() === day &&
		hour < 24 &&
		minute < 60 &&
		second < 60
	);
}

function objectOf(value: unknown, name: string): Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		invalid('"%1" must be an object.', [name]);
	return value as Record<string, unknown>;
}

function orderIdOf(body: Record<string, unknown>, wrapper: string): string {
	const orderId = body.order_id;
	if (typeof orderId !== 'string' || orderId.trim() === '')
		invalid('"%1.order_id" is required.', [wrapper]);
	return orderId;
}

function linesOf(value: unknown, wrapper: string, minQty: number): Line[] {
	if (!Array.isArray(value) || value.length === 0)
		invalid('"%1.items" must be a non-empty array.', [wrapper]);
	const seen = new Set<number>();
	return value.map((entry, index) => {
		const line = objectOf(entry, `${wrapper}.items[${index}]`);
		if (!Number.isSafeInteger(line.item_id) || (line.item_id as number) < 1) {
			invalid('"%1.items[%2].item_id" must be an integer item ID.', [wrapper, index]);
		}
		if (line.qty === undefined) invalid('"%1.items[%2].qty" is required.', [wrapper, index]);
		if (!Number.isSafeInteger(line.qty) || (line.qty as number) < minQty) {
			invalid('"%1.items[%2].qty" must be an integer of at least %3.', [wrapper, index, minQty]);
		}
		const itemId = line.item_id as number;
		if (seen.has(itemId)) invalid('Item %1 is listed more than once.', [itemId]);
		seen.add(itemId);
		return { item_id: itemId, qty: line.qty as number };
	});
}

function bodyOf(request: SandboxRequest, wrapper: string): Record<string, unknown> {
	const body = request.json();
	if (body === undefined) invalid('The request body is empty.');
	return objectOf(objectOf(body, 'body')[wrapper], wrapper);
}

/** `{"order": {"order_id", "items": [{"item_id", "qty"}]}}`; qty 0 rejects, so it is allowed. */
export function parseAccept(request: SandboxRequest): AcceptRequest {
	const order = bodyOf(request, 'order');
	return { orderId: orderIdOf(order, 'order'), lines: linesOf(order.items, 'order', 0) };
}

/** `{"shipment": {"order_id", "items": [...], "tracks": [{"carrier_code", "title", "track_number"}], …}}`. */
export function parseShip(request: SandboxRequest): ShipRequest {
	const shipment = bodyOf(request, 'shipment');
	const { order_id: orderId, items, tracks, ...extra } = shipment;
	if (!Array.isArray(tracks) || tracks.length === 0)
		invalid('"shipment.tracks" must be a non-empty array.');
	const parsedTracks = tracks.map((entry, index) => {
		const track = objectOf(entry, `shipment.tracks[${index}]`);
		for (const field of ['carrier_code', 'title', 'track_number'] as const) {
			if (typeof track[field] !== 'string' || (track[field] as string).trim() === '') {
				invalid('"shipment.tracks[%1].%2" is required.', [index, field]);
			}
		}
		return {
			carrier_code: track.carrier_code,
			title: track.title,
			track_number: track.track_number,
		} as Track;
	});
	return {
		orderId: orderIdOf({ order_id: orderId }, 'shipment'),
		lines: linesOf(items, 'shipment', 1),
		tracks: parsedTracks,
		extra,
	};
}

/** Body of the settings control route. */
export function parseSettings(body: unknown): Partial<Settings> {
	const settings = (body ?? {}) as Record<string, unknown>;
	const known = ['partials', 'allocateAfterSeconds'];
	const unknown = Object.keys(settings).filter((key) => !known.includes(key));
	if (unknown.length > 0)
		throw new HttpError(
			400,
			`Unknown settings: ${unknown.join(', ')} (known: ${known.join(', ')})`,
		);
	if (settings.partials !== undefined && typeof settings.partials !== 'boolean')
		throw new HttpError(400, 'partials must be a boolean');
	const delay = settings.allocateAfterSeconds;
	if (delay !== undefined && delay !== null && !(Number.isInteger(delay) && (delay as number) >= 0))
		throw new HttpError(
			400,
			'allocateAfterSeconds must be a whole number of seconds (0 = at once) or null (control route only)',
		);
	return settings as Partial<Settings>;
}
