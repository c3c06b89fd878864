import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { MalformedReport, parseCredentialReport } from '../../../src/providers/aws/credential-report.js';
import { categoryMatcher } from '../../../src/providers/aws/log-category.js';
import { shortestExpiration } from '../../../src/providers/aws/logs.js';
import { resolveTarget } from '../../../src/providers/aws/target.js';
import { createTransport } from '../../../src/providers/aws/transport.js';
import { awsTargets } from '../../fakes/aws/harness.js';

const HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
const TAIL = 'true,2024-02-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A';

describe('credential report', () => {
  it('reads a user name that contains commas back from its ARN', () => {
    const csv = `${HEADER}\nops,team,arn:aws:iam::123456789012:user/ops,team,2024-01-01T00:00:00+00:00,true,no_information,N/A,N/A,false,${TAIL}\n`;
    const [row] = parseCredentialReport(csv);
    expect(row).toMatchObject({ user: 'ops,team', arn: 'arn:aws:iam::123456789012:user/ops,team', password_enabled: 'true', access_key_1_active: 'true' });
  });

  it('refuses rows that do not validate', () => {
    const csv = `${HEADER}\nalice,arn:aws:iam::123456789012:user/alice,2024-01-01T00:00:00+00:00,maybe,N/A,N/A,N/A,false,${TAIL}\n`;
    expect(() => parseCredentialReport(csv)).toThrow(MalformedReport);
    expect(() => parseCredentialReport('not,a,report\n')).toThrow(/no header/);
  });
});

describe('trail bucket retention', () => {
  const rule = (id: string, days: number, extra: Record<string, unknown> = {}) => ({ ID: id, Status: 'Enabled' as const, Expiration: { Days: days }, ...extra });
  it('takes the shortest enabled, untagged expiration whose prefix covers the trail logs', () => {
    const rules = [
      rule('all', 900, { Filter: { Prefix: '' } }),
      rule('audit', 400, { Filter: { Prefix: 'audit/' } }),
      rule('legacy-prefix', 500, { Prefix: 'audit/AWS' }),
      rule('other', 10, { Filter: { Prefix: 'elb/' } }),
      rule('tagged', 1, { Filter: { Tag: { Key: 'k', Value: 'v' } } }),
      rule('small-objects', 2, { Filter: { ObjectSizeLessThan: 100 } }),
      { ...rule('off', 3), Status: 'Disabled' as const },
    ];
    expect(shortestExpiration(rules, 'audit/AWSLogs/')).toBe(400);
    expect(shortestExpiration(rules, 'AWSLogs/')).toBe(900);
  });

  it('null when nothing expires (transitions only, no rules)', () => {
    expect(shortestExpiration([{ ID: 'cold', Status: 'Enabled', Transitions: [{ Days: 30, StorageClass: 'GLACIER' }] }], 'AWSLogs/')).toBeNull();
    expect(shortestExpiration([], 'AWSLogs/')).toBeNull();
  });
});

describe('log group categories', () => {
  it('configured globs win over trail destinations and built-in names', () => {
    const categorize = categoryMatcher({ application: ['/app/**', 'org-trail-logs'], security: ['/guardduty/*'] });
    expect(categorize('/app/web/access', false)).toBe('application');
    expect(categorize('org-trail-logs', true)).toBe('application');
    expect(categorize('/guardduty/findings', false)).toBe('security');
    expect(categorize('trail', true)).toBe('audit');
    expect(categorize('/aws/containerinsights/prod/application', false)).toBe('application');
    expect(categorize('/aws/containerinsights/prod/performance', false)).toBe('other');
    expect(categorize('/aws/elasticbeanstalk/env/var/log/web.stdout.log', false)).toBe('application');
  });
});

describe('targets', () => {
  it('takes several regions and role ARNs, flags before config', () => {
    const t = resolveTarget(awsTargets({ awsRegion: ['eu-west-1', 'us-east-1'] }, { aws: { regions: ['ap-south-1'], roleArns: ['arn:aws:iam::123456789012:role/audit'], externalId: 'ext-1' } }), {});
    expect(t).toMatchObject({ regions: ['eu-west-1', 'us-east-1'], roleArns: ['arn:aws:iam::123456789012:role/audit'], externalId: 'ext-1', sessionName: 'secpol' });
  });

  it('falls back to AWS_REGION and refuses what is not a region or role', () => {
    expect(resolveTarget(awsTargets(), { AWS_REGION: 'eu-central-1' }).regions).toEqual(['eu-central-1']);
    expect(() => resolveTarget(awsTargets(), {})).toThrow(/no region to scan/);
    expect(() => resolveTarget(awsTargets({ awsRegion: ['europe'] }), {})).toThrow(/not an AWS region/);
    expect(() => resolveTarget(awsTargets({ awsRegion: ['all', 'eu-west-1'] }), {})).toThrow(/cannot be combined/);
    expect(() => resolveTarget(awsTargets({ awsRegion: ['all'], awsRoleArn: ['arn:aws:iam::1:user/x'] }), {})).toThrow(/not an IAM role ARN/);
  });
});

describe('origin guard', () => {
  /**
   * Sends through the AWS transport. A request the origin guard should refuse goes out on an
   * already-cancelled run, so that even a broken guard cannot reach the named (non-loopback) host.
   */
  async function send(env: Record<string, string>, url: string, expectRefused = true) {
    const transport = createTransport(env, expectRefused ? { signal: AbortSignal.abort(new Error('cancelled: must not be sent')) } : {});
    const u = new URL(url);
    const handler = transport.handler('SECRETS_MANAGER');
    // The fields the SDK's HttpRequest carries (its class lives in an SDK-internal package).
    const request = { protocol: u.protocol, hostname: u.hostname, port: u.port ? Number(u.port) : undefined, method: 'GET', path: u.pathname, query: {}, headers: { authorization: 'AWS4-HMAC-SHA256 Credential=x' } };
    try {
      return await handler.handle(request as unknown as Parameters<typeof handler.handle>[0]).then(
        () => 'sent',
        (err: Error) => err.message,
      );
    } finally {
      transport.destroy();
    }
  }

  it('sends signed requests only to the configured endpoint', async () => {
    const server = createServer((_req, res) => res.end('{}'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const env = { AWS_ENDPOINT_URL: `http://127.0.0.1:${port}` };
      expect(await send(env, `http://127.0.0.1:${port}/`, false)).toBe('sent');
      expect(await send(env, `http://127.0.0.1:${port + 1}/`)).toMatch(/request to http:\/\/127\.0\.0\.1:\d+ is outside the credential's origin/);
      expect(await send(env, 'https://secretsmanager.eu-west-1.amazonaws.com/')).toMatch(/outside the credential's origin/);
    } finally {
      server.close();
    }
  });

  it('without an endpoint, only https AWS hosts', async () => {
    expect(await send({}, 'http://secretsmanager.eu-west-1.amazonaws.com/')).toMatch(/outside the credential's origin/);
    expect(await send({}, 'https://secretsmanager.eu-west-1.amazonaws.com.evil.example/')).toMatch(/outside the credential's origin/);
    expect(await send({}, 'https://169.254.169.254/')).toMatch(/outside the credential's origin/);
  });
});
