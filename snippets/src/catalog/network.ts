/** Networks, instances, load balancers, content delivery. */
import { raw } from '../emit';
import { getAtt, logGroup, POLICY_VERSION, ref, RETAIN, type SnippetSource, sub, THIS_ACCOUNT } from '../define';
import { accessLogging, BLOCK_PUBLIC_ACCESS, bucketTransportStatements, kmsBucketEncryption, OWNER_ENFORCED } from './storage';

const az = (index: number) => ({ 'Fn::Select': [index, { 'Fn::GetAZs': '' }] });
const subnetCidr = (vpc: string, index: number) => ({ 'Fn::Select': [index, { 'Fn::Cidr': [getAtt(vpc, 'CidrBlock'), 4, 12] }] });
const LATEST_AMAZON_LINUX = '{{resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64}}';
/** IMDSv2 only, and a hop limit of 1, so that containers on the host cannot reach the instance's credentials. */
const IMDSV2 = { HttpTokens: 'required', HttpEndpoint: 'enabled', HttpPutResponseHopLimit: 1 };

function encryptedRootVolume(key: string, size: string) {
  return [{ DeviceName: '/dev/xvda', Ebs: { Encrypted: true, KmsKeyId: ref(key), VolumeType: 'gp3', VolumeSize: raw(size), DeleteOnTermination: true } }];
}

export const network: SnippetSource[] = [
  {
    prefix: 'pillar-vpc',
    name: 'VPC with private subnets and flow logs',
    description:
      'A VPC with two private subnets in two Availability Zones (no public IPs on launch) and a flow log of all traffic to a CloudWatch Logs group kept for a chosen time and encrypted with a customer managed key; the flow log role may write only to that group, and only this account\'s flow logs may assume it. Expects KmsKey (pillar-kms-key).',
    context: 'resources',
    assumes: { KmsKey: 'pillar-kms-key' },
    body: {
      '${1:Vpc}': {
        Type: 'AWS::EC2::VPC',
        Properties: { CidrBlock: '${2|10.0.0.0/16,172.16.0.0/16,192.168.0.0/16|}', EnableDnsSupport: true, EnableDnsHostnames: true },
      },
      '${3:PrivateSubnetA}': {
        Type: 'AWS::EC2::Subnet',
        Properties: { VpcId: ref('$1'), AvailabilityZone: az(0), CidrBlock: subnetCidr('$1', 0), MapPublicIpOnLaunch: false },
      },
      '${4:PrivateSubnetB}': {
        Type: 'AWS::EC2::Subnet',
        Properties: { VpcId: ref('$1'), AvailabilityZone: az(1), CidrBlock: subnetCidr('$1', 1), MapPublicIpOnLaunch: false },
      },
      '${5:VpcFlowLog}': {
        Type: 'AWS::EC2::FlowLog',
        Properties: {
          ResourceType: 'VPC',
          ResourceId: ref('$1'),
          TrafficType: 'ALL',
          LogDestinationType: 'cloud-watch-logs',
          LogGroupName: ref('${6:VpcFlowLogGroup}'),
          DeliverLogsPermissionArn: getAtt('${7:VpcFlowLogRole}', 'Arn'),
          MaxAggregationInterval: 60,
        },
      },
      '$6': logGroup(8, '${9:KmsKey}'),
      '$7': {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Version: POLICY_VERSION,
            Statement: [
              {
                Effect: 'Allow',
                Principal: { Service: 'vpc-flow-logs.amazonaws.com' },
                Action: 'sts:AssumeRole',
                Condition: {
                  StringEquals: { 'aws:SourceAccount': THIS_ACCOUNT },
                  ArnLike: { 'aws:SourceArn': sub('arn:\\${AWS::Partition}:ec2:\\${AWS::Region}:\\${AWS::AccountId}:vpc-flow-log/*') },
                },
              },
            ],
          },
          Policies: [
            {
              PolicyName: 'write-flow-logs',
              PolicyDocument: {
                Version: POLICY_VERSION,
                Statement: [{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'], Resource: getAtt('$6', 'Arn') }],
              },
            },
          ],
        },
      },
    },
  },
  {
    prefix: 'pillar-security-group',
    name: 'Security group with restricted, described ingress and egress',
    description:
      'A security group that admits one port only from a private address range you choose, and lets out only HTTPS; every rule says what it is for. Nothing is open to the internet. Expects Vpc (pillar-vpc).',
    context: 'resources',
    assumes: { Vpc: 'pillar-vpc' },
    body: {
      '${1:AppSecurityGroup}': {
        Type: 'AWS::EC2::SecurityGroup',
        Properties: {
          GroupDescription: '${2:Application servers}',
          VpcId: ref('${3:Vpc}'),
          SecurityGroupIngress: [
            { Description: '${4:HTTPS from the internal network}', IpProtocol: 'tcp', FromPort: raw('${5:443}'), ToPort: raw('$5'), CidrIp: '${6|10.0.0.0/16,172.16.0.0/12,192.168.0.0/16|}' },
          ],
          SecurityGroupEgress: [{ Description: 'HTTPS to AWS APIs', IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' }],
        },
      },
    },
  },
  {
    prefix: 'pillar-ec2-instance-profile',
    name: 'EC2 instance profile with a Systems Manager role',
    description:
      'An instance role and profile that let Systems Manager manage the instance (Session Manager instead of SSH keys and open ports) and nothing else; only EC2 in this account may assume it.',
    context: 'resources',
    body: {
      '${1:InstanceRole}': {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Version: POLICY_VERSION,
            Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': THIS_ACCOUNT } } }],
          },
          ManagedPolicyArns: [sub('arn:\\${AWS::Partition}:iam::aws:policy/AmazonSSMManagedInstanceCore')],
        },
      },
      '${2:InstanceProfile}': { Type: 'AWS::IAM::InstanceProfile', Properties: { Roles: [ref('$1')] } },
    },
  },
  {
    prefix: 'pillar-ec2-instance',
    name: 'EC2 instance: IMDSv2, encrypted volume, private subnet',
    description:
      'An EC2 instance that requires IMDSv2 (hop limit 1), boots from an encrypted gp3 volume with a customer managed KMS key, runs in a private subnet behind a restricted security group with no public IP, is managed through Systems Manager rather than SSH, has detailed monitoring and termination protection. Expects KmsKey, PrivateSubnetA (pillar-vpc), AppSecurityGroup (pillar-security-group) and InstanceProfile (pillar-ec2-instance-profile).',
    context: 'resources',
    assumes: { KmsKey: 'pillar-kms-key', PrivateSubnetA: 'pillar-vpc', AppSecurityGroup: 'pillar-security-group', InstanceProfile: 'pillar-ec2-instance-profile' },
    body: {
      '${1:Instance}': {
        Type: 'AWS::EC2::Instance',
        Properties: {
          ImageId: LATEST_AMAZON_LINUX,
          InstanceType: '${2|t3.micro,t3.small,m7i.large|}',
          IamInstanceProfile: ref('${3:InstanceProfile}'),
          SubnetId: ref('${4:PrivateSubnetA}'),
          SecurityGroupIds: [getAtt('${5:AppSecurityGroup}', 'GroupId')],
          MetadataOptions: IMDSV2,
          BlockDeviceMappings: encryptedRootVolume('${6:KmsKey}', '${7:20}'),
          Monitoring: true,
          DisableApiTermination: true,
        },
      },
    },
  },
  {
    prefix: 'pillar-launch-template',
    name: 'EC2 launch template: IMDSv2, encrypted volumes',
    description:
      'A launch template for instances and Auto Scaling groups that requires IMDSv2 (hop limit 1), encrypts the root volume with a customer managed KMS key, attaches the Systems Manager instance profile and a restricted security group, and turns on detailed monitoring. Expects KmsKey, AppSecurityGroup (pillar-security-group) and InstanceProfile (pillar-ec2-instance-profile).',
    context: 'resources',
    assumes: { KmsKey: 'pillar-kms-key', AppSecurityGroup: 'pillar-security-group', InstanceProfile: 'pillar-ec2-instance-profile' },
    body: {
      '${1:LaunchTemplate}': {
        Type: 'AWS::EC2::LaunchTemplate',
        Properties: {
          LaunchTemplateData: {
            ImageId: LATEST_AMAZON_LINUX,
            InstanceType: '${2|t3.micro,t3.small,m7i.large|}',
            IamInstanceProfile: { Arn: getAtt('${3:InstanceProfile}', 'Arn') },
            SecurityGroupIds: [getAtt('${4:AppSecurityGroup}', 'GroupId')],
            MetadataOptions: IMDSV2,
            BlockDeviceMappings: encryptedRootVolume('${5:KmsKey}', '${6:20}'),
            Monitoring: { Enabled: true },
          },
        },
      },
    },
  },
  {
    prefix: 'pillar-alb',
    name: 'Application Load Balancer: HTTPS listener, HTTP redirect, access logs',
    description:
      'An Application Load Balancer that serves HTTPS only with a TLS 1.3/1.2 security policy and redirects HTTP to HTTPS, drops invalid headers, mitigates request desync, has deletion protection and writes access logs to the access-log bucket; its security group admits 443 and 80 from a range you choose, and its targets are reached over HTTPS. Expects CertificateArn (an ACM certificate), Vpc, PrivateSubnetA/B (pillar-vpc) and AccessLogBucket (pillar-s3-access-log-bucket); an internet-facing one needs public subnets.',
    context: 'resources',
    assumes: { CertificateArn: 'String', Vpc: 'pillar-vpc', PrivateSubnetA: 'pillar-vpc', PrivateSubnetB: 'pillar-vpc', AccessLogBucket: 'pillar-s3-access-log-bucket' },
    body: {
      '${1:LoadBalancer}': {
        Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
        Properties: {
          Type: 'application',
          Scheme: '${2|internal,internet-facing|}',
          Subnets: [ref('${3:PrivateSubnetA}'), ref('${4:PrivateSubnetB}')],
          SecurityGroups: [getAtt('${5:LoadBalancerSecurityGroup}', 'GroupId')],
          LoadBalancerAttributes: [
            { Key: 'access_logs.s3.enabled', Value: 'true' },
            { Key: 'access_logs.s3.bucket', Value: ref('${6:AccessLogBucket}') },
            { Key: 'access_logs.s3.prefix', Value: 'alb' },
            { Key: 'deletion_protection.enabled', Value: 'true' },
            { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' },
            { Key: 'routing.http.desync_mitigation_mode', Value: 'strictest' },
          ],
        },
      },
      '$5': {
        Type: 'AWS::EC2::SecurityGroup',
        Properties: {
          GroupDescription: 'HTTPS to the load balancer',
          VpcId: ref('${7:Vpc}'),
          SecurityGroupIngress: [
            { Description: 'HTTPS from clients', IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '${8|10.0.0.0/16,172.16.0.0/12,192.168.0.0/16|}' },
            { Description: 'HTTP from clients, redirected to HTTPS', IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIp: '$8' },
          ],
          SecurityGroupEgress: [{ Description: 'HTTPS to the targets', IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: getAtt('$7', 'CidrBlock') }],
        },
      },
      '${9:HttpsListener}': {
        Type: 'AWS::ElasticLoadBalancingV2::Listener',
        Properties: {
          LoadBalancerArn: ref('$1'),
          Protocol: 'HTTPS',
          Port: 443,
          SslPolicy: '${10|ELBSecurityPolicy-TLS13-1-2-2021-06,ELBSecurityPolicy-TLS13-1-2-Res-2021-06,ELBSecurityPolicy-TLS13-1-3-2021-06|}',
          Certificates: [{ CertificateArn: ref('${11:CertificateArn}') }],
          DefaultActions: [{ Type: 'forward', TargetGroupArn: ref('${12:TargetGroup}') }],
        },
      },
      '${13:HttpRedirectListener}': {
        Type: 'AWS::ElasticLoadBalancingV2::Listener',
        Properties: {
          LoadBalancerArn: ref('$1'),
          Protocol: 'HTTP',
          Port: 80,
          DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', Host: '#{host}', Path: '/#{path}', Query: '#{query}', StatusCode: 'HTTP_301' } }],
        },
      },
      '$12': {
        Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
        Properties: {
          VpcId: ref('$7'),
          TargetType: 'ip',
          Protocol: 'HTTPS',
          Port: 443,
          HealthCheckProtocol: 'HTTPS',
          HealthCheckPath: '${14:/health}',
        },
      },
    },
  },
  {
    prefix: 'pillar-cloudfront',
    name: 'CloudFront distribution: TLS 1.2, HTTPS only, logging, private S3 origin',
    description:
      'A CloudFront distribution that redirects viewers to HTTPS, accepts TLS 1.2 or later with SNI, adds the managed security headers (HSTS and others), writes access logs to the access-log bucket, is protected by a WAF web ACL, and reads a private, KMS-encrypted, versioned S3 origin only through Origin Access Control (the bucket policy admits this distribution alone, over TLS). Expects CertificateArn (an ACM certificate in us-east-1), WebAclArn (a CLOUDFRONT-scope WAF web ACL), KmsKey (pillar-kms-key) and AccessLogBucket (pillar-s3-access-log-bucket, which must allow ACLs for CloudFront\'s standard logs).',
    context: 'resources',
    assumes: { CertificateArn: 'String', WebAclArn: 'String', KmsKey: 'pillar-kms-key', AccessLogBucket: 'pillar-s3-access-log-bucket' },
    body: {
      '${1:Distribution}': {
        Type: 'AWS::CloudFront::Distribution',
        Properties: {
          DistributionConfig: {
            Enabled: true,
            Aliases: ['${2:www.example.com}'],
            DefaultRootObject: 'index.html',
            HttpVersion: 'http2and3',
            IPV6Enabled: true,
            WebACLId: ref('${3:WebAclArn}'),
            Origins: [
              {
                Id: 'site',
                DomainName: getAtt('${4:SiteBucket}', 'RegionalDomainName'),
                S3OriginConfig: { OriginAccessIdentity: '' },
                OriginAccessControlId: getAtt('${5:SiteOriginAccessControl}', 'Id'),
              },
            ],
            DefaultCacheBehavior: {
              TargetOriginId: 'site',
              ViewerProtocolPolicy: '${6|redirect-to-https,https-only|}',
              Compress: true,
              // The managed CachingOptimized cache policy and SecurityHeadersPolicy response headers policy.
              CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
              ResponseHeadersPolicyId: '67f7725c-6f97-4210-82d7-5512b31e9d03',
            },
            ViewerCertificate: { AcmCertificateArn: ref('${7:CertificateArn}'), MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' },
            Logging: { Bucket: getAtt('${8:AccessLogBucket}', 'DomainName'), Prefix: 'cloudfront/', IncludeCookies: false },
          },
        },
      },
      '$5': {
        Type: 'AWS::CloudFront::OriginAccessControl',
        Properties: {
          OriginAccessControlConfig: { Name: sub('\\${AWS::StackName}-site'), OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
        },
      },
      '$4': {
        Type: 'AWS::S3::Bucket',
        ...RETAIN,
        Properties: {
          BucketEncryption: kmsBucketEncryption('${9:KmsKey}'),
          PublicAccessBlockConfiguration: BLOCK_PUBLIC_ACCESS,
          OwnershipControls: OWNER_ENFORCED,
          VersioningConfiguration: { Status: 'Enabled' },
          LoggingConfiguration: accessLogging('$8', 'site/'),
        },
      },
      '${10:SiteBucketPolicy}': {
        Type: 'AWS::S3::BucketPolicy',
        Properties: {
          Bucket: ref('$4'),
          PolicyDocument: {
            Version: POLICY_VERSION,
            Statement: [
              {
                Sid: 'ReadThroughThisDistribution',
                Effect: 'Allow',
                Principal: { Service: 'cloudfront.amazonaws.com' },
                Action: 's3:GetObject',
                Resource: sub('\\${$4.Arn}/*'),
                Condition: { StringEquals: { 'AWS:SourceArn': sub('arn:\\${AWS::Partition}:cloudfront::\\${AWS::AccountId}:distribution/\\${$1}') } },
              },
              ...bucketTransportStatements('$4'),
            ],
          },
        },
      },
    },
  },
];
