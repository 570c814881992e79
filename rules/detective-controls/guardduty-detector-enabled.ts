import { propertyRule } from '../lib/properties';
import { asBoolean } from '../lib/values';

export default propertyRule(
  {
    id: 'guardduty-detector-enabled',
    area: 'detective-controls',
    bestPractice: ['SEC04-BP02', 'SEC04-BP04'],
    severity: 'warning',
    title: 'GuardDuty detectors must be enabled',
    rationale:
      'A detector created with `Enable: false` is suspended: it exists, so inventories and "is GuardDuty on?" checks see it, but it analyses nothing and raises no finding about stolen credentials, crypto mining or reconnaissance in the region. Suspending GuardDuty is also what an intruder does first; a template that does it leaves the region as blind as that intruder would.',
    remediation: 'Set `Enable: true`. To stop paying for a protection plan, turn off that feature in `Features` rather than the whole detector.',
    docs: [
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-guardduty-detector.html#cfn-guardduty-detector-enable',
      'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_suspend-disable.html',
    ],
    resourceTypes: ['AWS::GuardDuty::Detector'],
    equivalents: {
      checkov: [],
      cfnNag: [],
      cfnLint: [],
      kics: ['a25cd877-375c-4121-a640-730929936fac'],
      securityHub: ['GuardDuty.1'],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: false
      FindingPublishingFrequency: FIFTEEN_MINUTES
`,
      secure: `Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: true
      FindingPublishingFrequency: FIFTEEN_MINUTES
  FindingsToOnCall:
    Type: AWS::Events::Rule
    Properties:
      EventPattern:
        source: [aws.guardduty]
        detail-type: [GuardDuty Finding]
      Targets:
        - Id: on-call
          Arn: arn:aws:sns:eu-west-1:123456789012:security-on-call
  Hub:
    Type: AWS::SecurityHub::Hub
`,
    },
  },
  [
    {
      path: 'Enable',
      what: 'threat detection',
      // Enable is required: a template without it does not deploy, which is cfn-lint's to say.
      whenMissing: 'secure',
      secure: (value) => asBoolean(value) !== false,
      fix: { value: true },
      insecurePhrase: 'is suspended and detects nothing',
    },
  ],
);
