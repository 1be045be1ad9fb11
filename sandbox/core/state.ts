import { Clock } from './clock';
import { Faults } from './faults';
import { HttpError } from './http-error';
import { Ledger } from './ledger';
import type { VendorFactory, VendorModule, VendorName } from './vendor';

export type VendorFactories = Partial<Record<VendorName, VendorFactory>>;
export type VendorsOf<F extends VendorFactories> = {
	[K in keyof F]: F[K] extends VendorFactory ? ReturnType<F[K]> : never;
};

/** Everything a sandbox holds, for in-process use by tests (the control routes use the same methods). */
export interface SandboxState<V = Record<string, VendorModule>> {
	readonly clock: Clock;
	readonly ledger: Ledger;
	readonly faults: Faults;
	/** Typed per vendor, e.g. `state.vendors.sellfern.ready(1042)`. */
	readonly vendors: V;
	/** The registered vendors' names, in registry order. */
	vendorNames(): string[];
	/** The module serving `/<name>`, if that vendor is registered. */
	vendor(name: string): VendorModule | undefined;
	/** One vendor: its data and the faults aimed at it. All: every vendor, all faults, the ledger and the clock. */
	reset(vendor?: VendorName): void;
	seed(vendor: VendorName, options?: Record<string, unknown>): object;
	seedDemo(): Record<string, object>;
}

export function createState<F extends VendorFactories>(factories: F): SandboxState<VendorsOf<F>> {
	const clock = new Clock();
	const ledger = new Ledger(clock);
	const faults = new Faults(Object.keys(factories));
	const modules = new Map<string, VendorModule>();
	for (const [name, factory] of Object.entries(factories) as Array<[VendorName, VendorFactory]>) {
		modules.set(
			name,
			factory({
				clock,
				recordChange: (change) => ledger.recordChange({ ...change, vendor: name }),
			}),
		);
	}
	const required = (name: string): VendorModule => {
		const module = modules.get(name);
		if (!module)
			throw new HttpError(
				404,
				`No vendor "${name}" in this sandbox (have: ${[...modules.keys()].join(', ')})`,
			);
		return module;
	};

	return {
		clock,
		ledger,
		faults,
		vendors: Object.fromEntries(modules) as VendorsOf<F>,
		vendorNames: () => [...modules.keys()],
		vendor: (name) => modules.get(name),
		reset(vendor) {
			if (vendor !== undefined) {
				required(vendor).reset();
				faults.clear(vendor);
				return;
			}
			for (const module of modules.values()) module.reset();
			faults.clear();
			ledger.clear();
			clock.reset();
		},
		seed: (vendor, options = {}) => required(vendor).seed(options),
		seedDemo: () =>
			Object.fromEntries([...modules].map(([name, module]) => [name, module.seedDemo()])),
	};
}
