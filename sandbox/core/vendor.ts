import type { Clock } from './clock';
import type { ChangeInput } from './ledger';
import type { SandboxResponse } from './response';
import type { Router } from './router';

/** Each vendor is served under `/<name>`; the names are the keys of `vendors/registry.ts`. */
export type VendorName = string;

/** What the core gives a vendor module when a sandbox creates it. */
export interface VendorContext {
	clock: Clock;
	recordChange(change: Omit<ChangeInput, 'vendor'>): void;
}

/** An error for the vendor to render in its own envelope (from a fault, the router or a thrown HttpError). */
export interface VendorError {
	status: number;
	/** The HTTP reason phrase, e.g. "Too Many Requests". */
	reason: string;
	message?: string;
	code?: string;
	details?: unknown;
}

export interface DemoCredential {
	label: string;
	/** What to type into the vendor's n8n credential besides its base URL. */
	values: Record<string, string>;
}

export interface VendorModule {
	readonly name: VendorName;
	readonly title: string;
	readonly credentials: DemoCredential[];
	/** API routes, relative to the vendor prefix. */
	registerRoutes(router: Router): void;
	/** Vendor-specific control routes, relative to `/_control/<name>`. */
	registerControlRoutes(router: Router): void;
	renderError(error: VendorError, requestId: string): SandboxResponse;
	/** Back to an empty vendor. */
	reset(): void;
	/** Creates data from vendor-specific options (validated; a 400 HttpError when invalid); returns what it created. */
	seed(options: Record<string, unknown>): object;
	/** The data `--seed` starts with; returns a short summary. */
	seedDemo(): object;
}

/** A sandbox creates its own instance of each vendor, so several sandboxes can run in one process. */
export type VendorFactory = (context: VendorContext) => VendorModule;
