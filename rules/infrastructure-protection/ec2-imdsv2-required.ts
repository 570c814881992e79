import type { Resource } from '../../server/src/engine/model';
import type { Rule, RuleContext } from '../../server/src/engine/rule';
import { checkProperty, mustBeOneOf, propertiesAt, type PropertyRequirement } from '../lib/properties';
import { asText } from '../lib/values';

/** Where each resource type keeps its metadata options, and what changing them costs. */
const OPTIONS: Readonly<Record<string, { readonly path: string; readonly replaces: boolean }>> = {
  'AWS::EC2::Instance': { path: 'MetadataOptions', replaces: false },
  'AWS::EC2::LaunchTemplate': { path: 'LaunchTemplateData.MetadataOptions', replaces: false },
  'AWS::AutoScaling::LaunchConfiguration': { path: 'MetadataOptions', replaces: true },
};

const rule: Rule = {
  meta: {
    id: 'ec2-imdsv2-required',
    area: 'infrastructure-protection',
    bestPractice: ['SEC06-BP01', 'SEC06-BP02'],
    severity: 'warning',
    title: 'EC2 instances should require IMDSv2 for instance metadata',
    rationale:
      'The instance metadata service hands out the temporary credentials of the instance role. With IMDSv1, a single server-side request forgery in an application on the instance (a URL it fetches on a user\'s behalf) is enough to read them. IMDSv2 requires a session token obtained with a PUT request, which such requests cannot make, and its hop limit keeps containers and forwarded traffic from reaching it.',
    remediation:
      'Set `MetadataOptions.HttpTokens: required` on the instance, launch template (`LaunchTemplateData.MetadataOptions`) or launch configuration. Current AWS SDKs and CLIs use IMDSv2 on their own; check that older agents and scripts calling `http://169.254.169.254` send a token first. Changing a launch configuration replaces it, and instances already running keep their options until they are replaced. Setting `HttpEndpoint: disabled` turns the service off altogether, which also satisfies this rule.',
    docs: [
      'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ec2-launchtemplate-metadataoptions.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ec2-instance-metadataoptions.html',
    ],
    resourceTypes: Object.keys(OPTIONS),
    equivalents: {
      checkov: ['CKV_AWS_79'],
      cfnNag: [],
      cfnLint: [],
      kics: ['a4f5f706-80fd-4c96-9a24-6ab317d33d24'],
      securityHub: ['EC2.8', 'EC2.170', 'AutoScaling.3'],
      cis: ['5.6'],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  WebLaunchTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: ami-0123456789abcdef0
        InstanceType: t3.micro
        MetadataOptions:
          HttpTokens: optional
`,
      secure: `Resources:
  WebLaunchTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: ami-0123456789abcdef0
        InstanceType: t3.micro
        MetadataOptions:
          HttpTokens: required
          HttpPutResponseHopLimit: 1
`,
    },
  },
  resource(resource, context) {
    const options = OPTIONS[resource.type];
    // An instance launched from a template takes the template's options unless it sets its own; the template is checked on its own.
    if (resource.type === 'AWS::EC2::Instance' && resource.properties?.byKey.has('LaunchTemplate') && !resource.properties.byKey.has('MetadataOptions')) return;
    if (endpointDisabled(resource, `${options.path}.HttpEndpoint`, context)) return;
    const requirement: PropertyRequirement = {
      ...mustBeOneOf(`${options.path}.HttpTokens`, 'IMDSv2', ['required'], 'insecure', { value: 'required', replaces: options.replaces, preferred: !options.replaces }),
      defaultText: 'optional (IMDSv1 allowed) unless the AMI or the account default requires tokens',
      missingPhrase: 'does not require IMDSv2',
      insecurePhrase: 'allows IMDSv1',
    };
    checkProperty(resource, context, requirement);
  },
};

/** The metadata service turned off (`HttpEndpoint: disabled`) in every branch: no IMDSv1 to reach. */
function endpointDisabled(resource: Resource, path: string, context: RuleContext): boolean {
  const found = propertiesAt(resource, path, context);
  return (
    found.length > 0 &&
    found.every((at) => at.pair && context.evaluator.candidates(at.pair.value).every((candidate) => asText(candidate.value)?.toLowerCase() === 'disabled'))
  );
}

export default rule;
