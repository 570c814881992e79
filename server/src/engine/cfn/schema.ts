/**
 * The CloudFormation resource specification as completion and hover read it: resource types, their
 * properties and nested property types, from the data file that scripts/cfn-schema.mjs compacts at
 * build time. Read-only; a shape's properties are materialized when first asked for.
 */

/** `String`, a property type's index, or `['List', element]` / `['Map', element]`. */
export type RawValueType = string | number | readonly ['List' | 'Map', RawValueType];
/** [name, type, required (1/0), documentation, allowed values?] */
export type RawProperty = readonly [string, RawValueType, number, string, (readonly string[])?];

/** The shape of dist/cfn-schema.json (see scripts/cfn-schema.mjs). */
export interface CfnSchemaData {
  readonly source: string;
  readonly version: string;
  /** By resource type: [documentation, properties]. */
  readonly resources: Readonly<Record<string, readonly [string, readonly RawProperty[]]>>;
  /** Property types: [name, documentation, properties]. */
  readonly types: readonly (readonly [string, string, readonly RawProperty[]])[];
}

export type CfnValueType =
  | { readonly kind: 'primitive'; readonly name: string }
  | { readonly kind: 'object'; readonly shape: CfnShape }
  | { readonly kind: 'list' | 'map'; readonly element: CfnValueType };

export interface CfnProperty {
  readonly name: string;
  readonly type: CfnValueType;
  readonly required: boolean;
  readonly documentation: string;
  readonly allowedValues: readonly string[];
}

/** A resource type or a property type: what a map at that place may hold. */
export interface CfnShape {
  /** `AWS::S3::Bucket`, or a property type's name (`BucketEncryption`). */
  readonly name: string;
  readonly documentation: string;
  readonly properties: readonly CfnProperty[];
  property(name: string): CfnProperty | undefined;
}

/** Tags are a Key/Value list everywhere; the specification names the shape but does not define it. */
const TAG_PROPERTIES: readonly RawProperty[] = [
  ['Key', 'String', 1, 'The key name of the tag.'],
  ['Value', 'String', 1, 'The value of the tag.'],
];

export class CfnSchema {
  readonly version: string;
  readonly resourceTypes: readonly string[];
  private readonly shapes = new Map<string | number, CfnShape>();

  constructor(private readonly data: CfnSchemaData) {
    this.version = data.version;
    this.resourceTypes = Object.keys(data.resources);
  }

  static empty(): CfnSchema {
    return new CfnSchema({ source: '', version: 'unavailable', resources: {}, types: [] });
  }

  resource(type: string): CfnShape | undefined {
    const raw = this.data.resources[type];
    if (!raw) return undefined;
    return this.shape(type, () => [type, raw[0], raw[1]]);
  }

  /**
   * The reference page of a resource type, of one of its property types, or (with `property`) the
   * anchor of a property on that page. SAM's types are documented in the SAM developer guide.
   */
  static docUrl(resourceType: string, propertyType?: string, property?: string): string {
    const [vendor = '', service = '', resource = ''] = resourceType.toLowerCase().split('::');
    if (vendor === 'aws' && service === 'serverless') {
      const base = `https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-${resource}.html`;
      return property && !propertyType ? `${base}#sam-${resource}-${property.toLowerCase()}` : base;
    }
    const base = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference';
    const anchor = (...parts: string[]) => (property ? `#cfn-${[service, resource, ...parts, property].join('-').toLowerCase()}` : '');
    return propertyType
      ? `${base}/aws-properties-${service}-${resource}-${propertyType.toLowerCase()}.html${anchor(propertyType)}`
      : `${base}/aws-resource-${service}-${resource}.html${anchor()}`;
  }

  private shape(key: string | number, raw: () => readonly [string, string, readonly RawProperty[]]): CfnShape {
    let shape = this.shapes.get(key);
    if (shape) return shape;
    const [name, documentation, rawProperties] = raw();
    let properties: CfnProperty[] | undefined;
    let byName: Map<string, CfnProperty> | undefined;
    const schema = this;
    shape = {
      name,
      documentation,
      get properties() {
        properties ??= rawProperties.map(([propertyName, type, required, doc, allowed]) => ({
          name: propertyName,
          type: schema.valueType(type),
          required: required === 1,
          documentation: doc,
          allowedValues: allowed ?? [],
        }));
        return properties;
      },
      property(propertyName: string) {
        byName ??= new Map(this.properties.map((p) => [p.name, p]));
        return byName.get(propertyName);
      },
    };
    this.shapes.set(key, shape);
    return shape;
  }

  private valueType(raw: RawValueType): CfnValueType {
    if (typeof raw === 'number') {
      // A getter: property types refer to each other (recursive structures), built when read.
      const schema = this;
      return {
        kind: 'object',
        get shape() {
          return schema.shape(raw, () => schema.data.types[raw]);
        },
      };
    }
    if (typeof raw === 'string') return raw === 'Tag' ? { kind: 'object', shape: this.shape('Tag', () => ['Tag', 'A key-value pair.', TAG_PROPERTIES]) } : { kind: 'primitive', name: raw };
    return { kind: raw[0] === 'List' ? 'list' : 'map', element: this.valueType(raw[1]) };
  }
}
