import type { Resource } from '../../server/src/engine/model';
import type { PropertyRequirement } from './properties';

/** OpenSearch Service domains, and the Elasticsearch domains of the service's older API. */
export const SEARCH_DOMAIN_TYPES = ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'];

/**
 * The fix that turns an encryption option on. OpenSearch domains take the change in place (a blue/green
 * deployment); for the older Elasticsearch resource CloudFormation may replace the domain.
 */
export function searchDomainFix(resource: Resource): NonNullable<PropertyRequirement['fix']> {
  return resource.type === 'AWS::Elasticsearch::Domain' ? { value: true, replaces: true, preferred: false } : { value: true };
}
