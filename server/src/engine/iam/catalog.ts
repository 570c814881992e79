import { formatArnSteps, hasWildcard, intersects, policyArnSteps, wildcardRegExp } from './patterns';

/**
 * The IAM catalog: every service prefix, action, resource type and condition key of AWS's service
 * authorization reference, from the data file that scripts/iam-catalog.mjs compacts at build time.
 * Read-only; lookups are case-insensitive, as IAM's are, and wildcard matches are cached.
 */

export const ACCESS_LEVELS = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** The shape of dist/iam-catalog.json (see scripts/iam-catalog.mjs). */
export interface IamCatalogData {
  readonly source: string;
  readonly version: string;
  readonly updatedAt: string;
  readonly accessLevels: readonly string[];
  /** [key, type, description] */
  readonly globalKeys: readonly (readonly [string, string, string])[];
  readonly keyPrefixes: Readonly<Record<string, readonly string[]>>;
  readonly services: readonly {
    readonly prefix: string;
    readonly name: string;
    /** [name, access level index, description, resource type indexes (-index - 1 when required), condition key indexes] */
    readonly actions: readonly (readonly [string, number, string, readonly number[], readonly number[]])[];
    /** [name, ARN format, condition key indexes] */
    readonly resources: readonly (readonly [string, string, readonly number[]])[];
    readonly keys: readonly (readonly [string, string, string])[];
  }[];
}

export interface IamConditionKey {
  /** As AWS writes it, variables included: `aws:RequestTag/${TagKey}`, `s3:prefix`. */
  readonly name: string;
  /** String, ArrayOfString, ARN, Bool, Numeric, Date, IPAddress, … ('' when the reference gives none). */
  readonly type: string;
  readonly description: string;
  readonly global: boolean;
}

export interface IamResourceType {
  readonly service: IamService;
  readonly name: string;
  readonly arnFormat: string;
  readonly conditionKeys: readonly IamConditionKey[];
}

export interface IamAction {
  readonly service: IamService;
  readonly name: string;
  /** `s3:GetObject` */
  readonly id: string;
  readonly accessLevel: AccessLevel;
  readonly description: string;
  /** Empty when the action takes no resource ARN (it applies to `*` only). */
  readonly resourceTypes: readonly { readonly type: IamResourceType; readonly required: boolean }[];
  readonly conditionKeys: readonly IamConditionKey[];
}

export interface IamService {
  readonly prefix: string;
  readonly name: string;
  readonly actions: readonly IamAction[];
  readonly resourceTypes: readonly IamResourceType[];
  readonly conditionKeys: readonly IamConditionKey[];
  /** The service's page in the Service Authorization Reference. */
  readonly referenceUrl: string;
}

const MAX_CACHED_PATTERNS = 10_000;

/** The resource types an ARN can be, in the service it names. */
interface ArnTypes {
  readonly list: readonly IamResourceType[];
  readonly set: ReadonlySet<IamResourceType>;
  readonly service: IamService | undefined;
}

export class IamCatalog {
  readonly version: string;
  readonly updatedAt: string;
  readonly services: readonly IamService[];
  readonly globalKeys: readonly IamConditionKey[];
  /** False for the empty catalog used when the data file could not be read: checks that need it stay silent. */
  readonly available: boolean;
  private readonly byPrefix = new Map<string, IamService>();
  private readonly actionsById = new Map<string, IamAction>();
  private readonly keysByName = new Map<string, IamConditionKey>();
  /** Keys with a variable part (`aws:RequestTag/${TagKey}`), by their fixed prefix, lowercase. */
  private readonly variableKeys: { prefix: string; key: IamConditionKey }[] = [];
  private readonly keyPrefixes: ReadonlyMap<string, readonly string[]>;
  private readonly matches = new Map<string, readonly IamAction[]>();
  /** Per resource type, whether an ARN pattern can match it. */
  private readonly arnMatches = new Map<IamResourceType, Map<string, boolean>>();
  private readonly arnTypes = new Map<string, ArnTypes | undefined>();
  private readonly formatSteps = new Map<IamResourceType, ReturnType<typeof formatArnSteps>>();

  static empty(): IamCatalog {
    return new IamCatalog({ source: '', version: 'unavailable', updatedAt: '', accessLevels: ACCESS_LEVELS, globalKeys: [], keyPrefixes: {}, services: [] }, false);
  }

  constructor(data: IamCatalogData, available = true) {
    this.available = available;
    this.version = data.version;
    this.updatedAt = data.updatedAt;
    const levels = data.accessLevels.map((level) => {
      if (!(ACCESS_LEVELS as readonly string[]).includes(level)) throw new Error(`The IAM catalog has an unknown access level: ${level}`);
      return level as AccessLevel;
    });
    this.globalKeys = data.globalKeys.map(([name, type, description]) => this.indexKey({ name, type, description, global: true }));
    this.keyPrefixes = new Map(Object.entries(data.keyPrefixes).map(([prefix, services]) => [prefix.toLowerCase(), services]));
    this.services = data.services.map((raw) => {
      const service = { prefix: raw.prefix, name: raw.name, referenceUrl: referenceUrl(raw.name) } as { -readonly [K in keyof IamService]: IamService[K] };
      const keys = raw.keys.map(([name, type, description]) => this.indexKey({ name, type, description, global: name.toLowerCase().startsWith('aws:') }));
      service.conditionKeys = keys;
      service.resourceTypes = raw.resources.map(([name, arnFormat, keyIndexes]) => ({ service, name, arnFormat, conditionKeys: keyIndexes.map((i) => keys[i]) }));
      service.actions = raw.actions.map(([name, level, description, types, keyIndexes]) => {
        const action: IamAction = {
          service,
          name,
          id: `${raw.prefix}:${name}`,
          accessLevel: levels[level],
          description,
          resourceTypes: types.map((index) => (index < 0 ? { type: service.resourceTypes![-index - 1], required: true } : { type: service.resourceTypes![index], required: false })),
          conditionKeys: keyIndexes.map((i) => keys[i]),
        };
        this.actionsById.set(action.id.toLowerCase(), action);
        return action;
      });
      this.byPrefix.set(raw.prefix.toLowerCase(), service);
      return service;
    });
  }

  service(prefix: string): IamService | undefined {
    return this.byPrefix.get(prefix.toLowerCase());
  }

  /** The action named exactly (no wildcards), e.g. `s3:GetObject`. */
  action(id: string): IamAction | undefined {
    return this.actionsById.get(id.toLowerCase());
  }

  /** Every action an action pattern matches, as IAM matches it: `s3:Get*`, `*Object*`, `S3:getobject`. */
  match(pattern: string): readonly IamAction[] {
    const key = pattern.toLowerCase();
    const cached = this.matches.get(key);
    if (cached) return cached;
    let result: readonly IamAction[];
    if (!hasWildcard(key)) {
      const action = this.actionsById.get(key);
      result = action ? [action] : [];
    } else {
      const regExp = wildcardRegExp(key);
      const colon = key.indexOf(':');
      // With a literal service prefix only that service's actions can match.
      const prefix = colon > 0 ? key.slice(0, colon) : undefined;
      const candidates = prefix && !hasWildcard(prefix) ? (this.service(prefix)?.actions ?? []) : this.services.flatMap((s) => s.actions);
      result = candidates.filter((action) => regExp.test(action.id));
    }
    if (this.matches.size >= MAX_CACHED_PATTERNS) this.matches.clear();
    this.matches.set(key, result);
    return result;
  }

  /**
   * A condition key by name, variables resolved (`aws:RequestTag/Project` finds
   * `aws:RequestTag/${TagKey}`); undefined when no service or global key has that name.
   */
  conditionKey(name: string): IamConditionKey | undefined {
    const lower = name.toLowerCase();
    const exact = this.keysByName.get(lower);
    if (exact) return exact;
    return this.variableKeys.find((entry) => lower.startsWith(entry.prefix) && lower.length > entry.prefix.length)?.key;
  }

  /** Whether a condition key's prefix names a service or a known key source (`saml:`, an OIDC provider). */
  knowsKeyPrefix(prefix: string): boolean {
    const lower = prefix.toLowerCase();
    return lower === 'aws' || this.byPrefix.has(lower) || this.keyPrefixes.has(lower);
  }

  /** Whether some ARN matches both a policy's resource pattern and the resource type's ARN format. */
  arnMatchesType(pattern: string, type: IamResourceType): boolean {
    let byPattern = this.arnMatches.get(type);
    if (!byPattern) this.arnMatches.set(type, (byPattern = new Map()));
    const cached = byPattern.get(pattern);
    if (cached !== undefined) return cached;
    let steps = this.formatSteps.get(type);
    if (!steps) this.formatSteps.set(type, (steps = formatArnSteps(type.arnFormat)));
    const result = literalPrefixesAgree(pattern, type.arnFormat) && intersects(policyArnSteps(pattern), steps, pattern + type.arnFormat);
    if (byPattern.size >= MAX_CACHED_PATTERNS) byPattern.clear();
    byPattern.set(pattern, result);
    return result;
  }

  /** The resource types an ARN (or ARN pattern) can be, in the service its ARN names. */
  resourceTypesOfArn(arn: string): readonly IamResourceType[] {
    return this.arnTypesOf(arn)?.list ?? [];
  }

  /** Whether an action takes some of the resources an ARN pattern names (any resource, when its service is a wildcard). */
  actionTakes(action: IamAction, arn: string): boolean {
    const types = this.arnTypesOf(arn);
    if (types === undefined) return action.resourceTypes.length > 0;
    // Some actions take another service's resources (sts:AssumeRole takes IAM roles): match those by format.
    return action.resourceTypes.some(({ type }) => types.set.has(type) || (type.service !== types.service && this.arnMatchesType(arn, type)));
  }

  /** The resource types of an ARN, cached; undefined when its service is a wildcard. */
  private arnTypesOf(arn: string): ArnTypes | undefined {
    if (this.arnTypes.has(arn)) return this.arnTypes.get(arn);
    const prefix = arn.replace(/\$\{[^}]*\}/g, 'x').split(':')[2];
    let types: ArnTypes | undefined;
    if (prefix === undefined || !hasWildcard(prefix)) {
      const service = this.service(prefix ?? '');
      const list = (service?.resourceTypes ?? []).filter((type) => this.arnMatchesType(arn, type));
      types = { list, set: new Set(list), service };
    }
    if (this.arnTypes.size >= MAX_CACHED_PATTERNS) this.arnTypes.clear();
    this.arnTypes.set(arn, types);
    return types;
  }

  /** The closest known name to a misspelt one, or undefined when none is close. */
  suggest(name: string, candidates: readonly string[]): string | undefined {
    const lower = name.toLowerCase();
    let best: string | undefined;
    let bestDistance = Math.max(2, Math.floor(lower.length / 4)) + 1;
    for (const candidate of candidates) {
      if (Math.abs(candidate.length - lower.length) >= bestDistance) continue;
      const distance = editDistance(lower, candidate.toLowerCase(), bestDistance);
      if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
    }
    return best;
  }

  private indexKey(key: IamConditionKey): IamConditionKey {
    const lower = key.name.toLowerCase();
    const existing = this.keysByName.get(lower);
    // Services repeat the global keys they support (aws:RequestTag/${TagKey}); keep the global entry.
    if (existing) return existing.type || !key.type ? existing : key;
    this.keysByName.set(lower, key);
    const variable = /\$\{[^}]*\}|<[^>]*>|tag-key$/i.exec(key.name);
    if (variable) this.variableKeys.push({ prefix: lower.slice(0, variable.index), key });
    return key;
  }
}

/**
 * A cheap test before the full intersection: the literal starts of the two resource parts (up to
 * the first wildcard or variable) must agree where both are written out (`table/` is not `role/`).
 */
function literalPrefixesAgree(pattern: string, format: string): boolean {
  const literal = (arn: string) => {
    const resource = arn.replace(/\$\{[^}]*\}/g, '\u0000').split(':').slice(5).join(':');
    const open = resource.search(/[*?\u0000]/);
    return open < 0 ? resource : resource.slice(0, open);
  };
  const a = literal(pattern);
  const b = literal(format);
  return a.startsWith(b) || b.startsWith(a);
}

/** The Service Authorization Reference names each service's page after its name: "Amazon S3" → list_amazons3.html. */
function referenceUrl(serviceName: string): string {
  return `https://docs.aws.amazon.com/service-authorization/latest/reference/list_${serviceName.toLowerCase().replace(/[^a-z0-9]/g, '')}.html`;
}

/** Levenshtein distance, giving up (returning `limit`) once every path exceeds it. */
function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin >= limit) return limit;
    previous = current;
  }
  return previous[b.length];
}
