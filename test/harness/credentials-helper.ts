import { getAdditionalKeys } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentials,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, UserError, Workflow, isExpression } from 'n8n-workflow';

import { fullNodeTypeName, HarnessNodeTypes } from './node-types';
import type { CredentialsMap } from './types';

/** Node type of the throwaway node `testCredential` runs its request from. */
export const CREDENTIAL_TEST_NODE_TYPE = 'harness.credentialTest';

const expressionNode: INode = {
	id: 'credential-expression',
	name: 'Credential expression',
	type: 'harness.credentialExpression',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/**
 * In-memory counterpart of the n8n CLI's credentials helper: one stored credential per type,
 * defaults and expressions applied on read, generic and function `authenticate`, and
 * `preAuthentication` writing its expirable token back into the store.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	private readonly types: Map<string, ICredentialType>;

	private store: CredentialsMap = {};

	constructor(credentialTypes: ICredentialType[]) {
		super();
		this.types = new Map(credentialTypes.map((type) => [type.name, type]));
	}

	setCredentials(credentials: CredentialsMap) {
		this.store = structuredClone(credentials);
	}

	mergeCredentials(credentials: CredentialsMap | undefined) {
		Object.assign(this.store, structuredClone(credentials));
	}

	snapshot(): CredentialsMap {
		return structuredClone(this.store);
	}

	getType(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) throw new UserError(`Credential type "${name}" is not registered with the harness`);
		return type;
	}

	getParentTypes(name: string): string[] {
		const parents = this.types.get(name)?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		const type = this.types.get(credentialType);
		if (!type?.restrictToSupportedNodes) return true;
		return (type.supportedNodes ?? []).map(fullNodeTypeName).includes(nodeType);
	}

	getCredentialsProperties(name: string): INodeProperties[] {
		const type = this.getType(name);
		const properties: INodeProperties[] = [];
		for (const parent of type.extends ?? []) {
			// Unregistered parents (n8n's own oAuth2Api) contribute no properties here.
			if (this.types.has(parent)) {
				NodeHelpers.mergeNodeProperties(properties, this.getCredentialsProperties(parent));
			}
		}
		NodeHelpers.mergeNodeProperties(properties, type.properties);
		return properties;
	}

	// Only the CLI calls this (to re-encrypt); n8n-core reads credentials through getDecrypted.
	async getCredentials(): Promise<ICredentials> {
		throw new UserError('The harness keeps decrypted credential data only');
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		_executeData?: unknown,
		raw?: boolean,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.stored(type);
		return raw ? stored : await this.withDefaults(type, stored, additionalData, mode);
	}

	/** What n8n does on every read: add property defaults, then resolve expressions (`$self` = the data). */
	async withDefaults(
		type: string,
		data: ICredentialDataDecryptedObject,
		additionalData: IWorkflowExecuteAdditionalData,
		mode: WorkflowExecuteMode,
	): Promise<ICredentialDataDecryptedObject> {
		// n8n keeps only declared properties. A type extending an unregistered parent (n8n's own
		// oAuth2Api) keeps everything: the parent's fields (clientId, …) are not declared here.
		const keepUndeclared = this.getParentTypes(type).some((parent) => !this.types.has(parent));
		const withDefaults = {
			...(keepUndeclared ? data : {}),
			...NodeHelpers.getNodeParameters(
				this.getCredentialsProperties(type),
				data as INodeParameters,
				true,
				false,
				null,
				null,
			),
		} as ICredentialDataDecryptedObject;
		// Not a declared property, but n8n keeps it.
		if (data.oauthTokenData !== undefined) withDefaults.oauthTokenData = data.oauthTokenData;

		const workflow = this.expressionWorkflow();
		const additionalKeys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });
		return await workflow.expression.withIsolate(
			async () =>
				workflow.expression.getComplexParameterValue(
					expressionNode,
					withDefaults as INodeParameters,
					mode,
					additionalKeys,
					undefined,
					undefined,
					withDefaults,
				) as ICredentialDataDecryptedObject,
		);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.getType(typeName);
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate?.type === 'generic') {
			if (!workflow || !node) {
				throw new UserError('Generic credential authentication needs the workflow and node');
			}
			const resolve = (value: unknown) => {
				if (!isExpression(value)) return value;
				const resolved = workflow.expression.getSimpleParameterValue(
					node,
					value,
					'internal',
					{ $credentials: credentials },
					undefined,
					'',
				);
				return resolved ? String(resolved) : '';
			};
			const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
			for (const [section, entries] of Object.entries(authenticate.properties)) {
				target[section] ??= {};
				for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
					target[section][String(resolve(key))] = resolve(value);
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	/**
	 * Like the CLI: runs when the type has an empty `expirable` hidden property, when the request
	 * got the retry status (401 by default), or for a credential test; persists the new token.
	 */
	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.getType(typeName);
		const expirable = this.getCredentialsProperties(typeName).find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;

		const isCredentialTest = node.type === CREDENTIAL_TEST_NODE_TYPE;
		if (credentials[expirable.name] !== '' && !credentialsExpired && !isCredentialTest) {
			return undefined;
		}
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;

		const nodeCredentials = node.credentials?.[typeName];
		if (!nodeCredentials) return undefined;
		const stored = this.store[typeName] ?? {};
		const toPersist = { ...stored };
		for (const [key, value] of Object.entries(output)) {
			// A field the user stored as an expression keeps the expression.
			if (key === expirable.name || !isExpression(stored[key])) {
				toPersist[key] = value as ICredentialDataDecryptedObject[string];
			}
		}
		await this.updateCredentials(nodeCredentials, typeName, toPersist);
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const { preAuthentication } = this.getType(typeName);
		if (typeof preAuthentication !== 'function') return undefined;
		return (await preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		// `testCredential` tests data that is not in the store: nothing to update.
		if (nodeCredentials.id === null) return;
		this.store[type] = structuredClone(data);
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		if (nodeCredentials.id === null) return;
		this.store[type] = {
			...this.store[type],
			oauthTokenData: structuredClone(data.oauthTokenData),
		};
	}

	private stored(type: string): ICredentialDataDecryptedObject {
		const data = this.store[type];
		if (!data) throw new UserError(`No "${type}" credentials were given to the harness`);
		return structuredClone(data);
	}

	private expressionWorkflow() {
		return new Workflow({
			nodes: [],
			connections: {},
			active: false,
			nodeTypes: new HarnessNodeTypes([]),
		});
	}
}
