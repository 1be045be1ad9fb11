import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { OPTIONS } from './description';
import { redact } from './errors';
import { PREVIEW_OPTION_NAME, type RunContext } from './run';
import type { ApiRequest, VendorApi } from './types';

// Preview: every write operation has Options › Preview Only. The transport hands each request that
// changes state to `previewInstead`; with the option on, nothing is sent, the request is described
// (secrets redacted) and the item loops output that description in place of the operation's result.
// The option fails closed: when it cannot be read, the run context throws and nothing is sent.

export { PREVIEW_OPTION_NAME };

export const previewOption: INodeProperties = {
	displayName: 'Preview Only (Send Nothing)',
	name: PREVIEW_OPTION_NAME,
	type: 'boolean',
	default: false,
	description:
		'Whether to only validate and output the request that would be sent (method, URL, query, body, idempotency key; secrets redacted) without sending anything that changes state. Reads needed to build the request are still sent.',
};

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether the request changes state at the vendor: everything but GET, HEAD and OPTIONS. */
export function changesState(request: ApiRequest): boolean {
	return request.changesState ?? !READ_METHODS.has(request.method);
}

/** Thrown in place of sending a write; the item loops output the preview recorded beside it. */
export class PreviewStop extends Error {
	constructor(readonly preview: IDataObject) {
		super('Preview only: the request was not sent');
		this.name = 'PreviewStop';
	}
}

/**
 * The preview a held-back request of one of these items left, if any (taken once). It is kept
 * beside the error because an operation may wrap the error it catches before it reaches the loop.
 */
export function takePreview(
	run: RunContext,
	error: unknown,
	itemIndexes: number[],
): IDataObject | undefined {
	for (const itemIndex of itemIndexes) {
		const preview = run.previews.get(itemIndex);
		if (preview !== undefined) {
			run.previews.delete(itemIndex);
			return preview;
		}
	}
	return error instanceof PreviewStop ? error.preview : undefined;
}

function headerValue(
	headers: Record<string, string> | undefined,
	name: string,
): string | undefined {
	const key = Object.keys(headers ?? {}).find((header) => header.toLowerCase() === name);
	return key === undefined ? undefined : headers?.[key];
}

function queryString(qs: IDataObject | undefined): string {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(qs ?? {})) {
		if (value === undefined || value === null) continue;
		for (const entry of Array.isArray(value) ? value : [value]) params.append(key, String(entry));
	}
	const text = params.toString();
	return text ? `?${text}` : '';
}

function redacted<T>(value: T, secrets: string[]): T {
	if (value === undefined) return value;
	return JSON.parse(redact(JSON.stringify(value), secrets)) as T;
}

export interface PreviewSetup {
	baseUrl: string;
	/** Headers every request of the vendor carries (before n8n adds the credential's authentication). */
	headers: Record<string, string>;
	secrets: string[];
	/** Sends a request that changes nothing (the vendor's own dry run) and returns its answer. */
	send(request: ApiRequest): Promise<unknown>;
}

/**
 * Returns normally when the request is to be sent; with Preview Only on and a request that changes
 * state, records what would be sent (and the vendor's own dry-run answer, where it has one) and
 * throws PreviewStop instead.
 */
export async function previewInstead(
	run: RunContext,
	vendor: VendorApi,
	request: ApiRequest,
	setup: PreviewSetup,
): Promise<void> {
	if (!changesState(request)) return;
	const itemIndex = request.itemIndex ?? 0;
	if (!run.previewOnly(itemIndex)) return;

	const headers = { ...setup.headers, ...request.headers };
	const described: IDataObject = {
		method: request.method,
		url: `${setup.baseUrl}${request.path}${queryString(request.qs)}`,
		path: request.path,
		query: (request.qs ?? {}) as IDataObject,
		headers: {
			...headers,
			Authorization: `(added by n8n from the ${vendor.displayName} credential; not shown)`,
		},
		...(request.body !== undefined ? { body: request.body as IDataObject } : {}),
		idempotencyKey: headerValue(headers, 'idempotency-key') ?? null,
	};
	const preview: IDataObject = {
		preview: true,
		sent: false,
		vendor: vendor.displayName,
		message: `Preview only: nothing that changes state was sent to ${vendor.displayName}.`,
		request: redacted(described, setup.secrets),
	};

	const dryRun = vendor.dryRun?.(request);
	if (dryRun) {
		try {
			preview.vendorPreview = redacted((await setup.send(dryRun)) as IDataObject, setup.secrets);
			preview.vendorPreviewRequest = redacted(
				{ method: dryRun.method, path: dryRun.path, query: (dryRun.qs ?? {}) as IDataObject },
				setup.secrets,
			);
		} catch (error) {
			preview.vendorPreviewError = redact((error as Error).message, setup.secrets);
		}
	}
	run.previews.set(itemIndex, preview);
	throw new PreviewStop(preview);
}

/**
 * Adds Options › Preview Only to a write operation's parameters (into its Options collection, or a
 * new one), so every write has it under the same name.
 */
export function withPreviewOption(properties: INodeProperties[]): INodeProperties[] {
	const index = properties.findIndex(
		(property) => property.name === OPTIONS && property.type === 'collection',
	);
	if (index === -1) {
		return [
			...properties,
			{
				displayName: 'Options',
				name: OPTIONS,
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [previewOption],
			},
		];
	}
	const options = [...(properties[index].options as INodeProperties[])];
	// Kept in display name order, as n8n's lint wants collection options.
	const at = options.findIndex(
		(option) => option.displayName.localeCompare(previewOption.displayName) > 0,
	);
	options.splice(at === -1 ? options.length : at, 0, previewOption);
	const copy = [...properties];
	copy[index] = { ...properties[index], options };
	return copy;
}
