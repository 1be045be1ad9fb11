import { ExecuteContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { CREDENTIAL_TEST_NODE_TYPE, type HarnessCredentialsHelper } from './credentials-helper';
import { HarnessNodeTypes } from './node-types';
import type { CredentialTestResult } from './types';

type TestError = Error & {
	cause?: { code?: string; response?: { status: number; statusText?: string } };
};

/**
 * Tests credential data with its type's `test` request the way n8n's credentials tester does:
 * the request becomes the routing of a throwaway declarative node, so n8n-core resolves its
 * expressions, runs pre-authentication and `authenticate`, and sends it.
 */
export async function testCredential(
	credentialsHelper: HarnessCredentialsHelper,
	credentialType: string,
	data: ICredentialDataDecryptedObject,
): Promise<CredentialTestResult> {
	const { test } = credentialsHelper.getType(credentialType);
	if (!test) return { status: 'Error', message: 'No testing function found for this credential.' };

	const testNodeType: INodeType = {
		description: {
			displayName: 'Credential test',
			name: CREDENTIAL_TEST_NODE_TYPE,
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Credential test' },
			inputs: [],
			outputs: [],
			credentials: [{ name: credentialType, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					default: '',
					routing: { request: test.request },
				},
			],
		},
	};
	const node: INode = {
		id: 'credential-test',
		name: 'Credential test',
		type: CREDENTIAL_TEST_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		// id null: the data under test is not the stored credential, so nothing is written back.
		credentials: { [credentialType]: { id: null, name: credentialType } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new HarnessNodeTypes([testNodeType]),
	});
	const additionalData = createAdditionalData(credentialsHelper, workflow, 'internal');
	const credentialsDecrypted = {
		id: '',
		name: credentialType,
		type: credentialType,
		data: await credentialsHelper.withDefaults(credentialType, data, additionalData, 'internal'),
	};
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);

	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await new RoutingNode(context, testNodeType, credentialsDecrypted).runNode();
	} catch (caught) {
		const error = caught as TestError;
		const httpResponse = error.cause?.response;
		if (httpResponse) {
			for (const rule of test.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === httpResponse.status) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (httpResponse.status < 200 || httpResponse.status > 299) {
				return {
					status: 'Error',
					message: httpResponse.statusText || `Received HTTP status code: ${httpResponse.status}`,
				};
			}
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		return { status: 'Error', message: error.message };
	}

	const body = response?.[0]?.[0]?.json ?? {};
	for (const rule of test.rules ?? []) {
		if (
			rule.type === 'responseSuccessBody' &&
			valueAt(body, rule.properties.key) === rule.properties.value
		) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

/** `a.b.0.c` path lookup, as the rules' `key` uses. */
function valueAt(data: IDataObject, path: string): unknown {
	return path
		.split(/[.[\]]/)
		.filter(Boolean)
		.reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], data);
}
