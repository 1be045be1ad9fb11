// A small client for n8n's internal REST API (what the editor uses), with the owner's login cookie.
// Written for 2.41; the few 1.x differences are handled where they occur.
import { createRequire } from 'node:module';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Execution statuses after which nothing changes any more. */
const FINAL_STATUSES = new Set(['success', 'error', 'crashed', 'canceled']);

export class N8nClient {
	/**
	 * @param {string} url     e.g. http://127.0.0.1:5678
	 * @param {object} n8n     paths of the n8n install (from ensureN8n), to parse execution data with
	 *                         n8n's own `flatted`; its `version` selects the 1.x forms
	 */
	constructor(url, n8n) {
		this.url = url;
		this.cookie = undefined;
		this.major = Number(String(n8n.version ?? '2').split('.')[0]);
		this.flatted = createRequire(path.join(n8n.pkg, 'package.json'))('flatted');
	}

	async request(method, route, body, { raw = false } = {}) {
		const send = () =>
			fetch(`${this.url}${route}`, {
				method,
				headers: {
					...(body !== undefined && { 'content-type': 'application/json' }),
					...(this.cookie && { cookie: this.cookie }),
				},
				body: body === undefined ? undefined : JSON.stringify(body),
			});
		let response;
		for (let attempt = 1; ; attempt++) {
			try {
				response = await send();
				break;
			} catch (error) {
				// A kept-alive connection n8n closed meanwhile ("other side closed"): a read is safe to send again.
				if (method !== 'GET' || attempt >= 3) throw error;
			}
		}
		const setCookie = response.headers
			.getSetCookie()
			.find((cookie) => cookie.startsWith('n8n-auth='));
		if (setCookie) this.cookie = setCookie.split(';')[0];
		const text = await response.text();
		if (!response.ok) {
			const error = new Error(
				`n8n ${method} ${route} → ${response.status}: ${text.slice(0, 1000)}`,
			);
			error.status = response.status;
			throw error;
		}
		const parsed = text ? JSON.parse(text) : undefined;
		return raw ? parsed : parsed?.data;
	}

	// --- owner and login -------------------------------------------------------------------------

	/** Whether the instance still waits for its owner account (a fresh user folder). */
	async needsOwnerSetup() {
		const settings = await this.request('GET', '/rest/settings');
		return settings.userManagement?.showSetupOnFirstLoad === true;
	}

	/** Creates the owner on a fresh instance (logs in too), or logs in on one set up before. */
	async ensureOwner(owner) {
		if (await this.needsOwnerSetup()) {
			await this.request('POST', '/rest/owner/setup', {
				email: owner.email,
				firstName: owner.firstName,
				lastName: owner.lastName,
				password: owner.password,
			});
			return 'created';
		}
		await this.login(owner);
		return 'existing';
	}

	async login({ email, password }) {
		await this.request('POST', '/rest/login', { emailOrLdapLoginId: email, password });
	}

	// --- types -----------------------------------------------------------------------------------

	/** Every node type n8n loaded (its descriptions, as the editor gets them). */
	nodeTypes() {
		return this.request('GET', '/types/nodes.json', undefined, { raw: true });
	}

	credentialTypes() {
		return this.request('GET', '/types/credentials.json', undefined, { raw: true });
	}

	// --- credentials -----------------------------------------------------------------------------

	listCredentials() {
		return this.request('GET', '/rest/credentials');
	}

	createCredential({ name, type, data }) {
		return this.request('POST', '/rest/credentials', { name, type, data });
	}

	updateCredential(id, { name, type, data }) {
		return this.request('PATCH', `/rest/credentials/${id}`, { name, type, data });
	}

	deleteCredential(id) {
		return this.request('DELETE', `/rest/credentials/${id}`);
	}

	/**
	 * n8n's "Test" button: `data` is tested in place of the stored credential `id`'s data.
	 * Returns { status: 'OK' | 'Error', message }.
	 */
	testCredential({ id, name, type, data }) {
		return this.request('POST', '/rest/credentials/test', {
			credentials: { id, name, type, data },
		});
	}

	// --- workflows -------------------------------------------------------------------------------

	listWorkflows() {
		return this.request('GET', '/rest/workflows');
	}

	getWorkflow(id) {
		return this.request('GET', `/rest/workflows/${id}`);
	}

	createWorkflow(workflow) {
		// n8n 1.x stores `active` as given and refuses a workflow without it.
		return this.request(
			'POST',
			'/rest/workflows',
			this.major < 2 ? { active: false, ...workflow } : workflow,
		);
	}

	/** Replaces what `workflow` gives (name, nodes, connections, settings…) of a stored workflow. */
	updateWorkflow(id, workflow) {
		return this.request('PATCH', `/rest/workflows/${id}?forceSave=true`, workflow);
	}

	deleteWorkflow(id) {
		return this.request('DELETE', `/rest/workflows/${id}`);
	}

	archiveWorkflow(id) {
		return this.request('POST', `/rest/workflows/${id}/archive`, {});
	}

	/** n8n 2.x "publishes" the current version: its triggers start (pollers poll). */
	async activate(id) {
		const { versionId } = await this.getWorkflow(id);
		return this.request('POST', `/rest/workflows/${id}/activate`, { versionId });
	}

	deactivate(id) {
		return this.request('POST', `/rest/workflows/${id}/deactivate`, {});
	}

	/** Like the editor's "Execute workflow" from the trigger `triggerName`; returns the execution id. */
	async runWorkflow(id, triggerName) {
		const body = { triggerToStartFrom: { name: triggerName } };
		// n8n 1.x runs the workflow given in the body, not the stored one.
		if (this.major < 2) body.workflowData = await this.getWorkflow(id);
		const result = await this.request('POST', `/rest/workflows/${id}/run`, body);
		if (!result?.executionId)
			throw new Error(`n8n did not start workflow ${id}: ${JSON.stringify(result)}`);
		return result.executionId;
	}

	// --- executions ------------------------------------------------------------------------------

	/** The latest 100 executions of a workflow (n8n's maximum per page), newest first, without their data. */
	async listExecutions(workflowId) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const { results } = await this.request('GET', `/rest/executions?filter=${filter}&limit=100`);
		return results;
	}

	/** One execution with its run data parsed: { id, status, mode, ..., data: IRunExecutionData }. */
	async getExecution(id) {
		const execution = await this.request('GET', `/rest/executions/${id}`);
		return {
			...execution,
			data:
				typeof execution.data === 'string' ? this.flatted.parse(execution.data) : execution.data,
		};
	}

	/** Waits until the execution has finished, then returns it (see getExecution). */
	async waitForExecution(id, { timeoutMs = 120_000 } = {}) {
		const deadline = Date.now() + timeoutMs;
		let settleDeadline = Infinity;
		for (;;) {
			const execution = await this.getExecution(id).catch((error) => {
				// Saved once it starts; until then the id is unknown.
				if (error.status === 404) return undefined;
				throw error;
			});
			// n8n 1.x may report the final status a moment before the run data is saved.
			const saved =
				Object.keys(execution?.data?.resultData?.runData ?? {}).length > 0 ||
				execution?.data?.resultData?.error;
			if (
				execution &&
				FINAL_STATUSES.has(execution.status) &&
				(saved || Date.now() > settleDeadline)
			)
				return execution;
			if (execution && FINAL_STATUSES.has(execution.status))
				settleDeadline = Math.min(settleDeadline, Date.now() + 10_000);
			if (Date.now() > deadline)
				throw new Error(
					`execution ${id} not finished after ${timeoutMs / 1000} s (status ${execution?.status})`,
				);
			await sleep(300);
		}
	}
}

/** The items a node output in an execution: run `run`, output `output` (JSON only). */
export function nodeOutput(execution, nodeName, { run = 0, output = 0 } = {}) {
	const runs = execution.data?.resultData?.runData?.[nodeName];
	if (!runs?.[run]) return undefined;
	return (runs[run].data?.main?.[output] ?? []).map((item) => item.json);
}

/** The error an execution stopped with, as n8n stored it (message, description, node name), if any. */
export function executionError(execution) {
	const error = execution.data?.resultData?.error;
	if (!error) return undefined;
	return {
		name: error.name,
		message: error.message,
		description: error.description,
		node: error.node?.name,
	};
}
