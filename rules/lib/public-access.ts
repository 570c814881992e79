import type { RuleMeta } from '../../server/src/engine/api';
import type { Value } from '../../server/src/engine/evaluate';
import type { Resource } from '../../server/src/engine/model';
import type { ChangeValue, Rule } from '../../server/src/engine/rule';
import { checkProperty, type PropertyRequirement } from './properties';
import { asBoolean, asText } from './values';

/** How one resource type says whether it can be reached from the internet. */
export interface PublicEndpoint {
  /** Dot-separated path under Properties: `PubliclyAccessible`, `BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type`. */
  readonly path: string;
  /** Whether a known value makes the endpoint public; values only known at deploy time are never reported. */
  readonly isPublic: (value: Value) => boolean;
  /** Whether leaving the property out makes the endpoint public (DMS replication instances, OpenSearch domains outside a VPC). */
  readonly publicByDefault: boolean;
  /** The service default, said in the message about an absent property: "true". */
  readonly defaultText?: string;
  /** The value that makes the endpoint private, where writing it needs no other input from the user. */
  readonly privateValue?: ChangeValue;
  /** Changing the property makes CloudFormation replace the resource: the fix says so and is not preferred. */
  readonly replaces?: boolean;
  /** What the message says after the logical id: "accepts connections from the internet". */
  readonly phrase?: string;
}

const REACHABLE = 'can be reached from the internet';

/** The `PubliclyAccessible: true` shape that RDS, Redshift, DMS and Amazon MQ share; the fix writes false. */
export function publiclyAccessibleFlag(options: { readonly publicByDefault?: boolean; readonly replaces?: boolean } = {}): PublicEndpoint {
  const publicByDefault = options.publicByDefault === true;
  return {
    path: 'PubliclyAccessible',
    isPublic: (value) => asBoolean(value) === true,
    publicByDefault,
    defaultText: publicByDefault ? 'true' : undefined,
    privateValue: false,
    replaces: options.replaces,
  };
}

/** A string property whose listed values (compared case-insensitively) open the endpoint, with the value that closes it. */
export function publicWhenOneOf(path: string, open: readonly string[], privateValue?: string): PublicEndpoint {
  const opening = new Set(open.map((value) => value.toLowerCase()));
  return { path, isPublic: (value) => opening.has((asText(value) ?? '').toLowerCase()), publicByDefault: false, privateValue };
}

/** A property whose absence leaves the endpoint public (`VPCOptions`): any value given places it in a network the user chose. */
export function privateWhenSet(path: string, phrase?: string): PublicEndpoint {
  return { path, isPublic: () => false, publicByDefault: true, phrase };
}

/** The endpoint as a property requirement, so that findings and fixes follow each value's origin like every property rule. */
export function publicEndpointRequirement(endpoint: PublicEndpoint): PropertyRequirement {
  const phrase = endpoint.phrase ?? REACHABLE;
  return {
    path: endpoint.path,
    what: 'public access',
    secure: (value) => !endpoint.isPublic(value),
    whenMissing: endpoint.publicByDefault ? 'insecure' : 'secure',
    defaultText: endpoint.defaultText,
    fix: endpoint.privateValue === undefined ? undefined : { value: endpoint.privateValue, replaces: endpoint.replaces, preferred: endpoint.replaces !== true },
    missingPhrase: phrase,
    insecurePhrase: phrase,
  };
}

/**
 * A rule of the "must not be publicly accessible" family: per resource type, where the setting is
 * and what it means; `skip` leaves out resources that take their network placement from elsewhere.
 */
export function publicEndpointRule(meta: RuleMeta, endpoints: Readonly<Record<string, PublicEndpoint>>, skip?: (resource: Resource) => boolean): Rule {
  return {
    meta,
    resource(resource, context) {
      const endpoint = endpoints[resource.type];
      if (!endpoint || skip?.(resource)) return;
      checkProperty(resource, context, publicEndpointRequirement(endpoint));
    },
  };
}
