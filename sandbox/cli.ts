/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- dev-only sandbox code, not shipped */
import {
	DEFAULT_HOST,
	DEFAULT_PORT,
	startSandbox,
	type Sandbox,
	type SandboxOptions,
} from './server';

const USAGE = `Usage: npm run sandbox -- [--port ${DEFAULT_PORT}] [--host ${DEFAULT_HOST}] [--seed]
  --port  port to listen on (0 = any free port)
  --host  address to bind
  --seed  start with demo data`;

/** `npm run sandbox`: starts the sandbox, prints where each vendor lives, stops on Ctrl-C. */
export async function main(argv: string[]): Promise<void> {
	let options: SandboxOptions;
	try {
		options = parseArgs(argv);
	} catch (error) {
		console.error(`${(error as Error).message}\n\n${USAGE}`);
		process.exitCode = 2;
		return;
	}
	if (argv.includes('--help') || argv.includes('-h')) {
		console.log(USAGE);
		return;
	}

	const { seed, ...listen } = options;
	let sandbox: Sandbox;
	try {
		sandbox = await startSandbox(listen);
	} catch (error) {
		console.error(`Could not start the sandbox: ${(error as Error).message}`);
		process.exitCode = 1;
		return;
	}
	console.log(`Fulfillment vendor sandbox on ${sandbox.url}\n`);
	for (const name of sandbox.state.vendorNames()) {
		const vendor = sandbox.state.vendor(name);
		if (!vendor) continue;
		console.log(`${vendor.title}  base URL ${sandbox.vendorUrl(name)}`);
		for (const credential of vendor.credentials) {
			const values = Object.entries(credential.values).map(([key, value]) => `${key}=${value}`);
			console.log(`  ${values.join('  ')}  (${credential.label})`);
		}
	}
	if (seed) console.log(`\nDemo data: ${JSON.stringify(sandbox.state.seedDemo())}`);
	console.log(
		`\nControl: ${sandbox.url}/_control (ledger, faults, reset, seed)\nCtrl-C stops the sandbox.`,
	);

	const stop = () => {
		void sandbox.close().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

function parseArgs(argv: string[]): SandboxOptions {
	const options: SandboxOptions = {};
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split(/=(.*)/s, 2);
		const value = () => {
			const next = inline ?? argv[++i];
			if (next === undefined) throw new Error(`${flag} needs a value`);
			return next;
		};
		if (flag === '--port') {
			const port = Number(value());
			if (!Number.isInteger(port) || port < 0 || port > 65535)
				throw new Error(`--port must be 0-65535`);
			options.port = port;
		} else if (flag === '--host') options.host = value();
		else if (flag === '--seed') options.seed = true;
		else if (flag !== '--help' && flag !== '-h') throw new Error(`Unknown option ${argv[i]}`);
	}
	return options;
}
