import rule from '../../rules/infrastructure-protection/ecr-repository-immutable-tags';
import { testRule } from '../helpers/rule-tester';

const repo = (properties: string) => `Resources:\n  Images:\n    Type: AWS::ECR::Repository\n    Properties:\n${properties}`;

testRule(rule, {
  valid: [
    { name: 'immutable', code: repo('      ImageTagMutability: IMMUTABLE\n') },
    { name: 'immutable with exclusions', code: repo('      ImageTagMutability: IMMUTABLE_WITH_EXCLUSION\n      ImageTagMutabilityExclusionFilters:\n        - ImageTagMutabilityExclusionFilterType: WILDCARD\n          ImageTagMutabilityExclusionFilterValue: latest\n') },
    { name: 'parameter without a default is unknown', code: `Parameters:\n  Tags:\n    Type: String\n${repo('      ImageTagMutability: !Ref Tags\n')}` },
    { name: 'JSON, immutable', file: 't.json', code: '{"Resources": {"Images": {"Type": "AWS::ECR::Repository", "Properties": {"ImageTagMutability": "IMMUTABLE"}}}}' },
  ],
  invalid: [
    {
      name: 'not set: mutable by default',
      code: repo('      RepositoryName: web\n'),
      findings: [{ range: '4:5-4:15', message: 'Images lets a push move an existing tag to another image: ImageTagMutability is not set and defaults to MUTABLE.' }],
      output: repo('      RepositoryName: web\n      ImageTagMutability: IMMUTABLE\n'),
    },
    {
      name: 'mutable',
      code: repo('      ImageTagMutability: MUTABLE\n'),
      findings: [{ range: '5:27-5:34', message: 'Images lets a push move an existing tag to another image: ImageTagMutability is "MUTABLE".' }],
      output: repo('      ImageTagMutability: IMMUTABLE\n'),
    },
    {
      name: 'mutable with exclusions is still mutable',
      code: repo('      ImageTagMutability: MUTABLE_WITH_EXCLUSION\n'),
      findings: [{ range: '5:27-5:49' }],
      output: repo('      ImageTagMutability: IMMUTABLE\n'),
    },
    {
      name: 'mutable on one branch of a condition',
      code: `Conditions:\n  IsDev: !Equals [!Ref AWS::StackName, dev]\n${repo('      ImageTagMutability: !If [IsDev, MUTABLE, IMMUTABLE]\n')}`,
      findings: [{ range: '7:27-7:58', message: /when condition IsDev is true/ }],
      output: `Conditions:\n  IsDev: !Equals [!Ref AWS::StackName, dev]\n${repo('      ImageTagMutability: !If [IsDev, IMMUTABLE, IMMUTABLE]\n')}`,
    },
    {
      name: 'parameter defaulting to mutable',
      code: `Parameters:\n  Tags:\n    Type: String\n    Default: MUTABLE\n    AllowedValues: [MUTABLE, IMMUTABLE]\n${repo('      ImageTagMutability: !Ref Tags\n')}`,
      findings: [{ range: '10:27-10:36' }],
      output: `Parameters:\n  Tags:\n    Type: String\n    Default: IMMUTABLE\n    AllowedValues: [IMMUTABLE]\n${repo('      ImageTagMutability: !Ref Tags\n')}`,
    },
    {
      name: 'JSON, not set',
      file: 't.json',
      code: '{"Resources": {"Images": {"Type": "AWS::ECR::Repository", "Properties": {"RepositoryName": "web"}}}}',
      findings: [{ range: '1:59-1:71' }],
      output: '{"Resources": {"Images": {"Type": "AWS::ECR::Repository", "Properties": {"RepositoryName": "web", "ImageTagMutability": "IMMUTABLE"}}}}',
    },
  ],
});
