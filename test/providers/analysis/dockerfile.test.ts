import { describe, expect, it } from 'vitest';
import { ContainerImage } from '../../../src/model/index.js';
import { analyseDockerfile, isDockerfilePath, parseDockerfile, pinningOf } from '../../../src/providers/analysis/index.js';

const ids = { provider: 'local', idPrefix: 'local:', repository: 'local:.' };
const analyse = async (text: string, path = 'Dockerfile') => {
  const img = await analyseDockerfile({ path, text }, ids);
  expect(() => ContainerImage.parse(img)).not.toThrow();
  return img;
};
const DIGEST = `sha256:${'ab'.repeat(32)}`;

describe('Dockerfile parsing', () => {
  it('joins continuations, skips comments inside them, and keeps heredoc bodies out of the instructions', () => {
    const ins = parseDockerfile(
      [
        'FROM alpine:3.20',
        'RUN apk add \\',
        '    # a comment inside the continuation',
        '    curl \\',
        '',
        '    jq',
        'RUN <<EOF',
        'USER root',
        'echo not an instruction',
        'EOF',
        'COPY <<-CONF /etc/app.conf',
        '\tUSER nobody',
        '\tCONF',
        'USER app',
        '',
      ].join('\n'),
    );
    expect(ins.map((i) => [i.keyword, i.line])).toEqual([
      ['FROM', 1],
      ['RUN', 2],
      ['RUN', 7],
      ['COPY', 11],
      ['USER', 14],
    ]);
    expect(ins[1]!.args.replace(/\s+/g, ' ')).toBe('apk add curl jq');
    expect(ins[2]!.heredocs[0]!.body).toBe('USER root\necho not an instruction');
    expect(ins[3]!.heredocs[0]!.body).toBe('USER nobody');
  });

  it('honours the escape directive', () => {
    const ins = parseDockerfile('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n  c:\\\nUSER ContainerUser\n');
    expect(ins.map((i) => i.keyword)).toEqual(['FROM', 'RUN', 'USER']);
  });

  it('knows Dockerfile names', () => {
    for (const p of ['Dockerfile', 'a/Dockerfile', 'Dockerfile.prod', 'api.Dockerfile', 'Containerfile', 'x/build.dockerfile']) {
      expect(isDockerfilePath(p)).toBe(true);
    }
    for (const p of ['Dockerfiles/readme.md', 'docker-compose.yml', 'notDockerfile']) expect(isDockerfilePath(p)).toBe(false);
  });
});

describe('Dockerfile: base images', () => {
  it('classifies pinning', () => {
    expect(pinningOf('node')).toBe('latest');
    expect(pinningOf('node:latest')).toBe('latest');
    expect(pinningOf('node:20')).toBe('tag');
    expect(pinningOf('localhost:5000/team/app')).toBe('latest');
    expect(pinningOf('localhost:5000/team/app:1.2')).toBe('tag');
    expect(pinningOf(`node:20@${DIGEST}`)).toBe('digest');
    expect(pinningOf('scratch')).toBe('scratch');
  });

  it('substitutes global ARGs (with defaults), marks unresolved ones and earlier stages', async () => {
    const img = await analyse(
      [
        'ARG VERSION=3.20',
        'ARG REGISTRY',
        'ARG BASE=${REGISTRY:-docker.io}/library/node:20',
        'FROM alpine:${VERSION} AS deps',
        'FROM $BASE AS build',
        'FROM ${REGISTRY}/runtime:1 AS maybe',
        'FROM --platform=$BUILDPLATFORM deps AS final',
        'FROM scratch',
      ].join('\n'),
    );
    expect(img.baseImages).toEqual([
      { ref: 'alpine:3.20', stage: 'deps', pinning: 'tag', line: 4 },
      { ref: 'docker.io/library/node:20', stage: 'build', pinning: 'tag', line: 5 },
      { ref: '${REGISTRY}/runtime:1', stage: 'maybe', pinning: 'unresolved', line: 6 },
      { ref: 'deps', stage: 'final', pinning: 'stage', line: 7 },
      { ref: 'scratch', pinning: 'scratch', line: 8 },
    ]);
    expect(img.location).toEqual({ path: 'Dockerfile', line: 8 });
  });

  it('reports a Dockerfile without FROM as malformed', async () => {
    const img = await analyse('# nothing\nRUN echo\n');
    expect(img.gaps?.['*']).toEqual({ reason: 'malformed', message: 'Dockerfile:1:1: no FROM instruction' });
  });
});

describe('Dockerfile: final stage user', () => {
  it('uses the final stage only, inheriting from a stage it builds on', async () => {
    expect((await analyse('FROM a:1 AS b\nUSER app\nFROM b:1\n')).runsAsRoot).toBe(true);
    const inherited = await analyse('FROM a:1 AS base\nUSER app\nFROM base\nRUN x\n');
    expect([inherited.user, inherited.runsAsRoot]).toEqual(['app', false]);
    const root = await analyse('FROM a:1\nUSER app\nUSER 0:0\n');
    expect([root.user, root.runsAsRoot]).toEqual(['0:0', true]);
    const unset = await analyse('FROM a:1\n');
    expect([unset.user, unset.runsAsRoot]).toEqual([null, true]);
    const fromArg = await analyse('FROM a:1\nARG UID=1001\nUSER ${UID}\n');
    expect([fromArg.user, fromArg.runsAsRoot]).toEqual(['1001', false]);
  });

  it('leaves runsAsRoot unknown when USER comes from an ARG with no default', async () => {
    const img = await analyse('FROM a:1\nARG UID\nUSER $UID\n');
    expect(img.runsAsRoot).toBeUndefined();
    expect(img.gaps?.runsAsRoot?.reason).toBe('unsupported');
  });
});

describe('Dockerfile: labels and secrets', () => {
  it('resolves LABEL pairs with ARG/ENV substitution, multi-pair and legacy forms', async () => {
    const img = await analyse(
      [
        'FROM a:1 AS base',
        'LABEL org.opencontainers.image.vendor=acme',
        'FROM base',
        'ARG GIT_SHA=abc123',
        'ENV SRC=https://github.com/acme/api',
        'LABEL org.opencontainers.image.source=$SRC "org.opencontainers.image.revision"="${GIT_SHA}" \\',
        '      org.opencontainers.image.title="Acme API"',
        'LABEL maintainer Jane Doe',
        'LABEL org.opencontainers.image.created=$BUILD_DATE',
      ].join('\n'),
    );
    expect(img.labels).toEqual({
      'org.opencontainers.image.vendor': 'acme',
      'org.opencontainers.image.source': 'https://github.com/acme/api',
      'org.opencontainers.image.revision': 'abc123',
      'org.opencontainers.image.title': 'Acme API',
      maintainer: 'Jane Doe',
      'org.opencontainers.image.created': '$BUILD_DATE',
    });
  });

  it('finds secrets in ENV/ARG and copied secret files, in the final image only', async () => {
    const img = await analyse(
      [
        'FROM a:1 AS build',
        'ARG NPM_TOKEN',
        'COPY id_rsa /root/.ssh/id_rsa',
        'FROM b:1',
        'ENV DB_PASSWORD_FILE=/run/secrets/db DB_PASSWORD=changeme',
        'ENV LOG_LEVEL=info',
        'ARG GITHUB_TOKEN',
        'COPY --chown=app .env.production ./',
        'COPY .env.example ./',
        'COPY ["certs/server.key", "/etc/ssl/private/"]',
        'COPY <<EOF /app/.env',
        'TOKEN=x',
        'EOF',
        'COPY --from=build /src/dist /app',
        'RUN --mount=type=secret,id=npm npm ci',
      ].join('\n'),
    );
    expect(img.secretsInImage).toEqual([
      { instruction: 'ENV', name: 'DB_PASSWORD', line: 5 },
      { instruction: 'ARG', name: 'GITHUB_TOKEN', line: 7 },
      { instruction: 'COPY', name: '.env.production', line: 8 },
      { instruction: 'COPY', name: 'certs/server.key', line: 10 },
      { instruction: 'COPY', name: '/app/.env', line: 11 },
    ]);
    expect(JSON.stringify(img)).not.toContain('changeme');
  });
});
