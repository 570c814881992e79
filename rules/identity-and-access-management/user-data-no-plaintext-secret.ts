import type { Rule, RuleContext } from '../../server/src/engine/rule';
import { scalarString, type Node } from '../../server/src/engine/tree';
import { propertiesAt } from '../lib/properties';
import { secretsInText, UNKNOWN_PART } from '../lib/secrets';

const USER_DATA: Readonly<Record<string, string>> = {
  'AWS::EC2::Instance': 'UserData',
  'AWS::AutoScaling::LaunchConfiguration': 'UserData',
  'AWS::EC2::LaunchTemplate': 'LaunchTemplateData.UserData',
};

/** The text of a script as the template writes it, with the parts it does not write as UNKNOWN_PART, and which node wrote each part. */
interface Script {
  text: string;
  readonly parts: { readonly start: number; readonly node: Node }[];
}

const rule: Rule = {
  meta: {
    id: 'user-data-no-plaintext-secret',
    area: 'identity-and-access-management',
    bestPractice: ['SEC02-BP03'],
    severity: 'error',
    title: 'Instance user data must not hold secrets',
    rationale:
      'User data is stored with the instance or launch template, readable by anyone allowed to describe them and by every process on the instance from the metadata service, and it is written in the template itself. A password, token or key put there is exposed to far more people and software than the setup script that needs it.',
    remediation:
      'Have the script fetch the secret when it runs, with the instance role\'s permissions: `aws secretsmanager get-secret-value --secret-id my-app/db` or `aws ssm get-parameter --with-decryption`. Put only the secret\'s name in user data. Change any secret that was committed.',
    docs: [
      'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html',
      'https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets.html',
    ],
    resourceTypes: Object.keys(USER_DATA),
    equivalents: {
      checkov: ['CKV_AWS_46'],
      cfnNag: [],
      cfnLint: [],
      kics: ['568cc372-ca64-420d-9015-ee347d00d288'],
      securityHub: [],
      cis: [],
    },
    fixable: false,
    examples: {
      insecure: `Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      InstanceType: t3.micro
      UserData:
        Fn::Base64: |
          #!/bin/bash
          export DB_PASSWORD=Winter2024!
          /opt/app/start.sh
`,
      secure: `Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      InstanceType: t3.micro
      MetadataOptions:
        HttpTokens: required
      UserData:
        Fn::Base64: |
          #!/bin/bash
          export DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id app/db --query SecretString --output text)
          /opt/app/start.sh
`,
    },
  },
  resource(resource, context) {
    for (const at of propertiesAt(resource, USER_DATA[resource.type], context)) {
      if (!at.pair) continue;
      const script: Script = { text: '', parts: [] };
      collect(at.pair.value, script, context);
      const reported = new Set<Node>();
      for (const secret of secretsInText(script.text)) {
        const node = [...script.parts].reverse().find((part) => part.start <= secret.index)?.node ?? at.pair.value;
        if (reported.has(node)) continue;
        reported.add(node);
        context.report({ at: node, message: `${resource.logicalId} ${at.label} holds ${secret.what}${secret.name ? ` (${secret.name})` : ''} in plain text: have the script read it from Secrets Manager or SSM when it runs.` });
      }
    }
  },
};

/** Appends what a node writes to the script: literals, `!Sub` text, `!Join` pieces, both branches of `!If`, decoded base64 literals. */
function collect(node: Node, script: Script, context: RuleContext, depth = 0): void {
  const write = (text: string, from: Node) => {
    script.parts.push({ start: script.text.length, node: from });
    script.text += text;
  };
  if (depth > 16) return write(UNKNOWN_PART, node);
  if (node.kind === 'scalar') return write(decodeBase64(scalarString(node) ?? '') ?? scalarString(node) ?? '', node);
  if (node.kind !== 'intrinsic') return write(UNKNOWN_PART, node);
  const argument = node.argument;
  switch (node.name) {
    case 'Fn::Base64':
      return collect(argument, script, context, depth + 1);
    case 'Fn::Sub': {
      const template = argument.kind === 'seq' ? argument.items[0] : argument;
      const text = scalarString(template);
      if (text === undefined) return write(UNKNOWN_PART, node);
      return write(text.replace(/\$\{(?!!)[^}]*\}/g, UNKNOWN_PART), template);
    }
    case 'Fn::Join': {
      if (argument.kind !== 'seq' || argument.items[1]?.kind !== 'seq') return write(UNKNOWN_PART, node);
      const delimiter = scalarString(argument.items[0]) ?? '';
      argument.items[1].items.forEach((item, index) => {
        if (index > 0) write(delimiter, argument.items[0]);
        collect(item, script, context, depth + 1);
      });
      return;
    }
    case 'Fn::If':
      if (argument.kind !== 'seq' || argument.items.length !== 3) return write(UNKNOWN_PART, node);
      collect(argument.items[1], script, context, depth + 1);
      write(`\n${UNKNOWN_PART}\n`, node);
      return collect(argument.items[2], script, context, depth + 1);
    default:
      return write(UNKNOWN_PART, node);
  }
}

/** User data given already base64-encoded, when it decodes to text. */
function decodeBase64(text: string): string | undefined {
  const compact = text.replace(/\s+/g, '');
  if (compact.length < 16 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined;
  try {
    const decoded = atob(compact);
    return /^[\t\n\r\x20-\x7e]*$/.test(decoded) ? decoded : undefined;
  } catch {
    return undefined;
  }
}

export default rule;
