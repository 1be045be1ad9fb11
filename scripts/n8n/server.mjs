// Starts a real n8n (`n8n start`) on 127.0.0.1 with a given user folder, quiet and local.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { envWithNode24 } from '../node24.mjs';
import { freePort, startProcess, waitForHttp } from './processes.mjs';

/**
 * The environment for an n8n that stays on this machine: no telemetry, templates, version checks or
 * MCP registry fetches; http cookies; the task runner broker on its own free port.
 */
export function n8nEnv({ userFolder, port, brokerPort, version, extra = {} }) {
	const env = { ...envWithNode24() };
	// Variables of an n8n the developer may have configured in this shell must not leak in.
	for (const key of Object.keys(env))
		if (/^(N8N_|DB_|EXECUTIONS_|WEBHOOK_URL$|GENERIC_TIMEZONE$)/.test(key)) delete env[key];
	// Jest sets NODE_ENV=test, and n8n started with it exits at boot (code 1, no output): its node
	// loader refuses to run "in tests".
	delete env.NODE_ENV;
	delete env.JEST_WORKER_ID;
	return {
		...env,
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_HOST: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		// The only module that fetches from api.n8n.io at boot (and logs a stack trace when offline);
		// n8n 1.x has no such module and refuses to start when told to disable it.
		...(Number(String(version ?? '2').split('.')[0]) >= 2 && {
			N8N_DISABLED_MODULES: 'mcp-registry',
		}),
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_LOG_LEVEL: 'info',
		...extra,
	};
}

/**
 * Starts n8n and resolves once it answers `/healthz/readiness` (migrations done, server up).
 * Returns { url, port, proc, stop() }.
 */
export async function startN8n({
	n8n,
	userFolder,
	port,
	logFile,
	echo,
	readyTimeoutMs = 240_000,
	extraEnv,
	name = 'n8n',
}) {
	mkdirSync(userFolder, { recursive: true });
	const chosenPort = port ?? (await freePort());
	const brokerPort = await freePort();
	const env = n8nEnv({
		userFolder,
		port: chosenPort,
		brokerPort,
		version: n8n.version,
		extra: extraEnv,
	});
	const proc = startProcess('node', [n8n.bin, 'start'], {
		cwd: userFolder,
		env,
		logFile: logFile ?? path.join(userFolder, 'n8n.log'),
		echo,
		name,
	});
	const url = `http://127.0.0.1:${chosenPort}`;
	await waitForHttp(`${url}/healthz/readiness`, { timeoutMs: readyTimeoutMs, proc, what: name });
	// n8n 1.x reports ready before its REST routes are mounted.
	await waitForHttp(`${url}/rest/settings`, {
		timeoutMs: readyTimeoutMs,
		proc,
		what: "n8n's REST API",
	});
	return { url, port: chosenPort, proc, stop: (options) => proc.stop(options) };
}

/**
 * Starts a queue-mode worker (`n8n worker --concurrency=N`, `extraEnv` holding the queue settings)
 * and resolves once its health check answers ready. Returns { name, url, port, proc, stop() }.
 */
export async function startN8nWorker({
	n8n,
	userFolder,
	name = 'worker',
	concurrency = 5,
	logFile,
	echo,
	readyTimeoutMs = 240_000,
	extraEnv,
}) {
	const port = await freePort();
	const brokerPort = await freePort();
	const env = n8nEnv({
		userFolder,
		port,
		brokerPort,
		version: n8n.version,
		extra: {
			...extraEnv,
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(port),
		},
	});
	const proc = startProcess('node', [n8n.bin, 'worker', `--concurrency=${concurrency}`], {
		cwd: userFolder,
		env,
		logFile: logFile ?? path.join(userFolder, `${name}.log`),
		echo,
		name,
	});
	const url = `http://127.0.0.1:${port}`;
	await waitForHttp(`${url}/healthz/readiness`, { timeoutMs: readyTimeoutMs, proc, what: name });
	return {
		name,
		url,
		port,
		proc,
		concurrency,
		logFile: logFile ?? path.join(userFolder, `${name}.log`),
		stop: (options) => proc.stop(options),
	};
}
