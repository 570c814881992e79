import rule from '../../rules/detective-controls/s3-bucket-access-logging-enabled';
import { testRule } from '../helpers/rule-tester';

const bucket = (name: string, properties = '      VersioningConfiguration: { Status: Enabled }\n') => `  ${name}:\n    Type: AWS::S3::Bucket\n    Properties:\n${properties}`;
const template = (...resources: string[]) => `Resources:\n${resources.join('')}`;
const logs = bucket('Logs');
const appLogged = bucket('App', '      LoggingConfiguration: { DestinationBucketName: !Ref Logs }\n');

testRule(rule, {
  valid: [
    { name: 'logs to a bucket of the template', code: template(appLogged, bucket('Logs', '      AccessControl: LogDeliveryWrite\n')) },
    { name: 'logs to a bucket named outright', code: template(bucket('App', '      LoggingConfiguration:\n        DestinationBucketName: central-access-logs\n        LogFilePrefix: app/\n')) },
    { name: 'an empty logging configuration logs into the bucket itself', code: template(bucket('App', '      LoggingConfiguration: {}\n')) },
    { name: 'the target of another bucket\'s access logs', code: template(appLogged, logs) },
    { name: 'a trail\'s bucket', code: template(logs, '  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      S3BucketName: !Ref Logs\n') },
    { name: 'an AWS Config delivery channel\'s bucket', code: template(logs, '  Channel:\n    Type: AWS::Config::DeliveryChannel\n    Properties:\n      S3BucketName: !Ref Logs\n') },
    { name: 'a classic load balancer\'s access-log bucket', code: template(logs, '  Elb:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      AccessLoggingPolicy: { Enabled: true, S3BucketName: !Ref Logs }\n') },
    {
      name: 'an application load balancer\'s access-log bucket, under !If',
      code: template(
        logs,
        '  Alb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      LoadBalancerAttributes:\n        - !If\n          - Logging\n          - { Key: access_logs.s3.bucket, Value: !Ref Logs }\n          - !Ref AWS::NoValue\n',
      ).replace('Resources:', 'Conditions:\n  Logging: !Equals [a, a]\nResources:'),
    },
    { name: 'a CloudFront distribution\'s log bucket, by domain name', code: template(logs, '  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n        Logging: { Bucket: !GetAtt Logs.RegionalDomainName }\n') },
    { name: 'a flow log destination, by ARN', code: template(logs, '  Flow:\n    Type: AWS::EC2::FlowLog\n    Properties:\n      ResourceId: vpc-1\n      ResourceType: VPC\n      TrafficType: ALL\n      LogDestinationType: s3\n      LogDestination: !Sub "${Logs.Arn}/flow/"\n') },
    { name: 'a bucket given the log delivery ACL', code: template(bucket('Logs', '      AccessControl: LogDeliveryWrite\n')) },
    { name: 'a bucket whose ACLs are kept on for the log delivery group', code: template(bucket('Logs', '      OwnershipControls: { Rules: [{ ObjectOwnership: ObjectWriter }] }\n      AccessControl: LogDeliveryWrite\n')) },
    { name: 'the log delivery ACL in one branch of !If', code: `Conditions:\n  Shared: !Equals [a, b]\n${template(bucket('Logs', '      AccessControl: !If [Shared, LogDeliveryWrite, Private]\n'))}` },
    {
      name: 'a bucket whose policy lets S3 log delivery write',
      code: template(
        logs,
        '  LogsPolicy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Logs\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal:\n              Service: logging.s3.amazonaws.com\n            Action: s3:PutObject\n            Resource: !Sub "${Logs.Arn}/*"\n',
      ),
    },
    {
      name: 'a bucket whose policy lets log delivery write (vended logs)',
      code: template(logs, '  LogsPolicy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Logs\n      PolicyDocument:\n        Statement:\n          - { Effect: Allow, Principal: { Service: [delivery.logs.amazonaws.com] }, Action: s3:PutObject, Resource: "*" }\n'),
    },
    {
      name: 'JSON, with a logging configuration',
      file: 't.json',
      code: '{"Resources": {"App": {"Type": "AWS::S3::Bucket", "Properties": {"LoggingConfiguration": {"DestinationBucketName": "logs"}}}}}',
    },
  ],
  invalid: [
    {
      name: 'no logging, and no log bucket to send it to: no fix',
      code: template(bucket('App')),
      findings: [{ range: '4:5-4:15', message: 'App does not record server access logs: LoggingConfiguration is not set.' }],
      output: null,
    },
    {
      name: 'a log bucket in the template: the fix sends the logs there',
      code: template(appLogged, logs, bucket('Data')),
      findings: [{ range: '12:5-12:15', message: 'Data does not record server access logs: LoggingConfiguration is not set.' }],
      output: template(appLogged, logs, bucket('Data', '      VersioningConfiguration: { Status: Enabled }\n      LoggingConfiguration:\n        DestinationBucketName: !Ref Logs\n')),
    },
    {
      name: 'a bucket without Properties',
      code: `${template(bucket('Logs', '      AccessControl: LogDeliveryWrite\n'))}  Data:\n    Type: AWS::S3::Bucket\n`,
      findings: [{ range: '6:3-6:7' }],
      output: `${template(bucket('Logs', '      AccessControl: LogDeliveryWrite\n'))}  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      LoggingConfiguration:\n        DestinationBucketName: !Ref Logs\n`,
    },
    {
      name: 'the log bucket exists only under a condition: no fix',
      code: `Conditions:\n  Audit: !Equals [a, b]\nResources:\n  Logs:\n    Type: AWS::S3::Bucket\n    Condition: Audit\n    Properties:\n      AccessControl: LogDeliveryWrite\n${bucket('Data')}`,
      findings: [{ range: '11:5-11:15' }],
      output: null,
    },
    {
      name: 'logging removed in one branch of !If',
      code: `Conditions:\n  Prod: !Equals [a, b]\nResources:\n${bucket('App', '      LoggingConfiguration: !If [Prod, { DestinationBucketName: logs }, !Ref AWS::NoValue]\n')}`,
      findings: [{ range: '7:29-7:91', message: 'App does not record server access logs: LoggingConfiguration is not set (when condition Prod is false).' }],
      output: null,
    },
    {
      name: 'a bucket that only reads logs through a policy for another service is still checked',
      code: template(bucket('App'), '  AppPolicy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref App\n      PolicyDocument:\n        Statement:\n          - { Effect: Allow, Principal: { Service: cloudfront.amazonaws.com }, Action: s3:GetObject, Resource: "*" }\n'),
      findings: [{ range: '4:5-4:15' }],
      output: null,
    },
    {
      name: 'ownership controls that keep ACLs on are no sign of a log bucket by themselves',
      code: template(bucket('App', '      OwnershipControls: { Rules: [{ ObjectOwnership: BucketOwnerPreferred }] }\n')),
      findings: [{ range: '4:5-4:15' }],
      output: null,
    },
    {
      name: 'JSON, with a log bucket: the fix',
      file: 't.json',
      code: '{"Resources": {"Logs": {"Type": "AWS::S3::Bucket", "Properties": {"AccessControl": "LogDeliveryWrite"}}, "App": {"Type": "AWS::S3::Bucket", "Properties": {"Tags": []}}}}',
      findings: [{ range: '1:141-1:153' }],
      output: '{"Resources": {"Logs": {"Type": "AWS::S3::Bucket", "Properties": {"AccessControl": "LogDeliveryWrite"}}, "App": {"Type": "AWS::S3::Bucket", "Properties": {"Tags": [], "LoggingConfiguration": {\n  "DestinationBucketName": {"Ref": "Logs"}\n}}}}}',
    },
  ],
});
