// Measuring inside a running n8n: stored workflows run manually through the REST API, their
// execution and node times, the sandbox's request count, n8n's resident memory, CPU profiles.
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const FINAL = new Set(['success', 'error', 'crashed', 'canceled']);

export class Bench {
	/**
	 * @param {object} options
	 * @param {import('../../scripts/n8n/rest.mjs').N8nClient} options.client   logged in
	 * @param {import('../../scripts/n8n/sandbox.mjs').SandboxControl} options.sandbox
	 * @param {Array<object>} options.credentials   the sandbox credentials (stack.credentials)
	 * @param {string} options.packageName
	 * @param {number} [options.pid]   n8n's process id, to read its memory
	 * @param {Inspector} [options.inspector]   connected to n8n's inspector
	 */
	constructor({ client, sandbox, credentials, packageName, pid, inspector }) {
		Object.assign(this, { client, sandbox, credentials, packageName, pid, inspector });
		this.saved = new Map();
	}

	credential(type) {
		const found = this.credentials.find((credential) => credential.type === type);
		if (!found) throw new Error(`no sandbox credential of type ${type}`);
		return found;
	}

	/** Creates the workflow, or replaces the stored one of the same name; returns its id. */
	async save(workflow) {
		const known = this.saved.get(workflow.name);
		const body = { ...workflow, settings: { executionOrder: 'v1', ...workflow.settings } };
		const saved = known
			? await this.client.updateWorkflow(known, body)
			: await this.client.createWorkflow(body);
		this.saved.set(workflow.name, saved.id);
		return saved.id;
	}

	/**
	 * An n8n credential the HTTP Request node uses, one per name and header value (the sandbox and the
	 * bench server have different tokens).
	 */
	async httpHeaderCredential(name, headerName, headerValue) {
		const fullName = `${name} ${createHash('sha256').update(headerValue).digest('hex').slice(0, 8)}`;
		const existing = (await this.client.listCredentials()).find((c) => c.name === fullName);
		if (existing) return { id: existing.id, name: fullName };
		const saved = await this.client.createCredential({
			name: fullName,
			type: 'httpHeaderAuth',
			data: { name: headerName, value: headerValue },
		});
		return { id: saved.id, name: fullName };
	}

	/**
	 * Runs a stored workflow from `trigger` as the editor does and waits for it (polling the
	 * execution list, so a large execution's data is loaded once). Returns { executionMs (n8n's
	 * startedAt → stoppedAt), wallMs, nodeMs (the node `measure`'s own executionTime), items (its
	 * output count), execution }.
	 */
	async run(workflowId, { trigger = 'Run', measure, timeoutMs = 600_000 }) {
		const started = performance.now();
		const executionId = await this.client.runWorkflow(workflowId, trigger);
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const deadline = Date.now() + timeoutMs;
		let summary;
		for (;;) {
			const { results } = await transient(() =>
				this.client.request('GET', `/rest/executions?filter=${filter}&limit=5`),
			);
			summary = results.find((result) => String(result.id) === String(executionId));
			if (summary && FINAL.has(summary.status)) break;
			if (Date.now() > deadline)
				throw new Error(`execution ${executionId} still ${summary?.status} after ${timeoutMs} ms`);
			// Often at first for short runs, then rarely: each look costs n8n a database query.
			await sleep(performance.now() - started < 3000 ? 50 : 250);
		}
		const wallMs = performance.now() - started;
		const execution = await transient(() => this.client.getExecution(executionId));
		const runData = execution.data?.resultData?.runData ?? {};
		const nodeRun = runData[measure]?.[0];
		if (execution.status !== 'success' || !nodeRun) {
			const errors = Object.entries(runData).flatMap(([name, runs]) =>
				runs.filter((r) => r.error).map((r) => `${name}: ${r.error.message}`),
			);
			throw new Error(
				`execution ${executionId} ${execution.status}: ${errors.join('; ') || JSON.stringify(execution.data?.resultData?.error?.message)}`,
			);
		}
		return {
			executionMs: new Date(execution.stoppedAt) - new Date(execution.startedAt),
			wallMs,
			nodeMs: nodeRun.executionTime,
			items: (nodeRun.data?.main?.[0] ?? []).length,
			output: nodeRun.data?.main?.[0] ?? [],
		};
	}

	/** Requests the sandbox saw for `vendor` after ledger mark `since`, optionally only those matching `path`. */
	async requests(vendor, since, path) {
		const entries = await transient(() => this.sandbox.ledger({ vendor, type: 'request', since }));
		return path ? entries.filter((entry) => path.test(entry.path)) : entries;
	}

	/** n8n's resident set (VmRSS) and its peak since the last reset (VmHWM), in MB. */
	memory() {
		const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
		const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
		return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
	}

	/**
	 * Runs `body()` while watching n8n's memory. With `this.inspector` (n8n's inspector), garbage is
	 * collected first and n8n's own process.memoryUsage() is sampled every 20 ms: the peak of heapUsed +
	 * external (Buffers included) above the value just before. Always: the peak resident set (VmHWM,
	 * reset first, and sampled) above the resident set just before. Returns { result, baseMb, peakMb,
	 * growthMb (RSS), heapGrowthMb (heap + external) }.
	 */
	async watchMemory(body) {
		if (this.pid === undefined) return { result: await body() };
		const usage = async () => {
			const { result } = await this.inspector.send('Runtime.evaluate', {
				expression: 'JSON.stringify(process.memoryUsage())',
				returnByValue: true,
			});
			const { heapUsed, external } = JSON.parse(result.value);
			return (heapUsed + external) / 2 ** 20;
		};
		if (this.inspector) await this.inspector.send('HeapProfiler.collectGarbage');
		try {
			writeFileSync(`/proc/${this.pid}/clear_refs`, '5');
		} catch {
			// Without the reset, VmHWM holds the process' all-time peak; the samples still count.
		}
		const baseMb = this.memory().rssMb;
		const heapBase = this.inspector ? await usage() : undefined;
		let sampled = baseMb;
		let heapPeak = heapBase;
		let sampling = false;
		const timer = setInterval(() => {
			sampled = Math.max(sampled, this.memory().rssMb);
			if (!this.inspector || sampling) return;
			sampling = true;
			usage()
				.then((mb) => (heapPeak = Math.max(heapPeak, mb)))
				.catch(() => undefined)
				.finally(() => (sampling = false));
		}, 20);
		try {
			const result = await body();
			const { hwmMb } = this.memory();
			const peakMb = Number.isFinite(hwmMb) && hwmMb >= baseMb ? Math.max(hwmMb, sampled) : sampled;
			return {
				result,
				baseMb,
				peakMb,
				growthMb: peakMb - baseMb,
				...(heapBase !== undefined && { heapGrowthMb: heapPeak - heapBase }),
			};
		} finally {
			clearInterval(timer);
		}
	}
}

/**
 * `read()`, again after a pause when n8n or the sandbox is briefly unavailable: on a machine at load
 * 20, n8n answers 503 "Database is not ready" now and then, and a kept-alive socket can be reset.
 * Only for reads.
 */
export async function transient(read, attempts = 20) {
	for (let attempt = 1; ; attempt++) {
		try {
			return await read();
		} catch (error) {
			const passing = error.status === 503 || error.message === 'fetch failed';
			if (!passing || attempt >= attempts) throw error;
			await sleep(500);
		}
	}
}

/** A workflow: a manual trigger named "Run" (unless the first node is a trigger) and a chain of nodes. */
export function chain(name, nodes) {
	const all =
		nodes[0].type.endsWith('Trigger') || nodes[0].type.endsWith('trigger')
			? nodes
			: [
					{ name: 'Run', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} },
					...nodes,
				];
	const placed = all.map((node, index) => ({
		id: randomUUID(),
		position: [index * 240, 0],
		...node,
	}));
	const connections = {};
	for (let i = 0; i + 1 < placed.length; i++)
		connections[placed[i].name] = {
			main: [[{ node: placed[i + 1].name, type: 'main', index: 0 }]],
		};
	return { name, nodes: placed, connections, settings: { executionOrder: 'v1' } };
}

/** { median, min, max } of numbers. */
export function stats(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
	return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

/**
 * n8n's main process through its inspector (n8n started with NODE_OPTIONS=--inspect=127.0.0.1:<port>):
 * CPU profiles (start() before a run, stop(file) after it) and memory readings.
 */
export class Inspector {
	constructor(port) {
		this.port = port;
		this.nextId = 1;
		this.pending = new Map();
	}

	async connect() {
		const targets = await (await fetch(`http://127.0.0.1:${this.port}/json/list`)).json();
		this.socket = new WebSocket(targets[0].webSocketDebuggerUrl);
		await new Promise((resolve, reject) => {
			this.socket.addEventListener('open', resolve, { once: true });
			this.socket.addEventListener('error', reject, { once: true });
		});
		this.socket.addEventListener('message', (event) => {
			const message = JSON.parse(event.data);
			const waiting = this.pending.get(message.id);
			if (!waiting) return;
			this.pending.delete(message.id);
			if (message.error) waiting.reject(new Error(JSON.stringify(message.error)));
			else waiting.resolve(message.result);
		});
		await this.send('Profiler.enable');
		await this.send('Profiler.setSamplingInterval', { interval: 200 });
		await this.send('Runtime.enable');
	}

	send(method, params = {}) {
		const id = this.nextId++;
		return new Promise((resolve, reject) => {
			this.pending.set(id, { resolve, reject });
			this.socket.send(JSON.stringify({ id, method, params }));
		});
	}

	start() {
		return this.send('Profiler.start');
	}

	async stop(file) {
		const { profile } = await this.send('Profiler.stop');
		writeFileSync(file, JSON.stringify(profile));
		return profile;
	}

	close() {
		this.socket?.close();
	}
}
