import { HttpError } from '../../core/http-error';
import { MAIN_ORGANIZATION_ID, ORGANIZATIONS, PRODUCTS } from './catalog';
import type { Line } from './params';

export interface SeedOptions {
	/** How many orders (1-1000). */
	orders: number;
	/** Default: the main sandbox organization. */
	organizationId?: string;
	/** A fixed ID for the first order (e.g. the one an example workflow names); default random. */
	orderId?: string;
}

const MAX_SEED = 1000;

/** The order ID of the document's request example, used by the demo data and the example workflow. */
export const EXAMPLE_ORDER_ID = 'ae52b0ab-8f0c-4b11-9c13-c5c221228ecd';

export function parseSeedOptions(
	input: Record<string, unknown>,
): SeedOptions & { organizationId: string } {
	const known = ['orders', 'organizationId', 'orderId'];
	const unknown = Object.keys(input).filter((key) => !known.includes(key));
	if (unknown.length > 0)
		seedError(`unknown options: ${unknown.join(', ')} (known: ${known.join(', ')})`);
	const { orders, organizationId = MAIN_ORGANIZATION_ID, orderId } = input;
	if (!Number.isInteger(orders) || (orders as number) < 1 || (orders as number) > MAX_SEED)
		seedError(`orders must be an integer from 1 to ${MAX_SEED}`);
	if (!ORGANIZATIONS.some((org) => org.id === organizationId))
		seedError(`organizationId must be one of ${ORGANIZATIONS.map((org) => org.id).join(', ')}`);
	if (orderId !== undefined && (typeof orderId !== 'string' || orderId.trim() === ''))
		seedError('orderId must be a non-empty string');
	return {
		orders: orders as number,
		organizationId: organizationId as string,
		orderId: orderId as string | undefined,
	};
}

/** The lines of the n-th seeded order: the organization's products in turn, one or two of each. */
export function seedLines(organizationId: string, n: number): Line[] {
	const products = PRODUCTS.filter((product) => product.organizationId === organizationId);
	const first = products[n % products.length];
	const second = products[(n + 1) % products.length];
	return first === second
		? [{ productId: first.id, quantity: 1 }]
		: [
				{ productId: first.id, quantity: 2 },
				{ productId: second.id, quantity: 1 },
			];
}

function seedError(message: string): never {
	throw new HttpError(400, `Invalid S2 seed: ${message}`);
}
