/** Template snippets shared by the security group and network ACL rule tests. */

/** The Parameters section the "replace the open CIDR" fix adds before Resources, for a parameter `name` of an address `family`. */
export const cidrParameter = (name: string, family: 'IPv4' | 'IPv6', reaches: string): string =>
  family === 'IPv4'
    ? `Parameters:\n  ${name}:\n    Type: String\n    Description: "The IPv4 range allowed to reach ${reaches}, e.g. 203.0.113.0/24"\n    AllowedPattern: "^(\\\\d{1,3}\\\\.){3}\\\\d{1,3}/(\\\\d|[12]\\\\d|3[0-2])$"\n    ConstraintDescription: must be an IPv4 CIDR block such as 203.0.113.0/24\n`
    : `Parameters:\n  ${name}:\n    Type: String\n    Description: "The IPv6 range allowed to reach ${reaches}, e.g. 2001:db8::/32"\n    AllowedPattern: "^[0-9a-fA-F:]+/(\\\\d|[1-9]\\\\d|1[01]\\\\d|12[0-8])$"\n    ConstraintDescription: must be an IPv6 CIDR block such as 2001:db8::/32\n`;

/** A security group `Sg` with the given inline rules (list items indented by 8 spaces). */
export const securityGroup = (ingress: string, key = 'SecurityGroupIngress'): string =>
  `Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: test\n      ${key}:\n${ingress}`;
