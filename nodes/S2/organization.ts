import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { matchesSearch, readLocator } from '../shared/locator';
import { apiRequest } from '../shared/transport';
import { isJsonObject } from '../shared/validation';
import { s2 } from './transport';

/**
 * The organization the node acts in, for users of several organizations: picked from the login
 * answer's organizations, or typed. Empty (the default) leaves the credential's Organization ID, so
 * nodes saved before it existed behave as they did.
 */
export const organizationProperty: INodeProperties = {
	displayName: 'Organization',
	name: 'organization',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description:
		"The S2 organization to act in, sent as X-S2-Organization. Leave empty to use the credential's Organization ID (needed only when your user belongs to several organizations).",
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select an organization…',
			typeOptions: { searchListMethod: 'searchOrganizations', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: '95d73baf-76ba-4bea-86ac-1534c5e5d4aa',
		},
	],
};

/** The X-S2-Organization header an item's Organization asks for, or none (the credential's then). */
export function organizationHeaders(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Record<string, string> | undefined {
	const value = readLocator(ctx, 'organization', itemIndex);
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value !== 'string' || value.trim() === '') {
		throw new NodeOperationError(
			ctx.getNode(),
			`Organization must be an S2 organization ID [item ${itemIndex}]`,
			{
				itemIndex,
			},
		);
	}
	return { 'X-S2-Organization': value.trim() };
}

/** Organization › From List: the organizations the login answer lists for the credential's user. */
export async function searchOrganizations(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const credentials = await this.getCredentials('s2Api');
	const answer = await apiRequest<unknown>(this, s2, {
		method: 'POST',
		path: '/login',
		body: { email: credentials.email, password: credentials.password },
		// Logging in again changes nothing.
		idempotent: true,
	});
	const organizations =
		isJsonObject(answer) && isJsonObject(answer.user) ? answer.user.organizations : undefined;
	if (!Array.isArray(organizations)) {
		throw new NodeOperationError(
			this.getNode(),
			'S2 answered the login without a list of organizations',
		);
	}
	return {
		results: (organizations.filter(isJsonObject) as IDataObject[])
			.filter((organization) => typeof organization.id === 'string' && organization.id !== '')
			.filter((organization) => matchesSearch(filter, [organization.name, organization.id]))
			.map((organization) => ({
				name:
					typeof organization.name === 'string' && organization.name !== ''
						? organization.name
						: String(organization.id),
				value: organization.id as string,
			})),
	};
}
