import { PassThrough } from 'node:stream';
import request from 'supertest';
import { createLogger } from '../src/logging/logger.js';
import { LoginRateLimiter, PER_ACCOUNT } from '../src/modules/auth/login-rate-limiter.js';
import { newUser, startTestApp, type TestApp } from './support/test-app.js';

describe('sign-in hardening', () => {
  let t: TestApp;
  const log: string[] = [];
  beforeAll(async () => {
    const sink = new PassThrough();
    sink.on('data', (chunk: Buffer) => log.push(chunk.toString('utf8')));
    t = await startTestApp({}, createLogger('trace', sink));
  });
  afterAll(() => t.close());

  it('after 5 failed attempts on an account, even the right password waits (429 with Retry-After)', async () => {
    const user = await newUser(t, 'viewer');
    for (let i = 0; i < 5; i++) {
      await request(t.server).post('/api/auth/login').send({ username: user.username, password: 'wrong-password' }).expect(401);
    }
    const res = await request(t.server).post('/api/auth/login').send({ username: user.username, password: user.password }).expect(429);
    expect(res.body).toMatchObject({ error: 'TOO_MANY_ATTEMPTS', message: expect.stringMatching(/^登录失败次数过多，请 \d+ 分钟后再试$/) });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(800);
    // Another account from the same address is not locked by it.
    const other = await newUser(t, 'viewer');
    await request(t.server).post('/api/auth/login').send({ username: other.username, password: other.password }).expect(200);
  });

  it('counts failures in PostgreSQL: another process (or the same one restarted) sees the lock, and an admin unlock lifts it for all', async () => {
    const user = await newUser(t, 'viewer');
    for (let i = 0; i < PER_ACCOUNT; i++) {
      await request(t.server).post('/api/auth/login').send({ username: user.username, password: 'wrong-password' }).expect(401);
    }
    const rows: { n: number }[] = await t.dataSource.query(`SELECT count(*)::int AS n FROM login_failure WHERE key = $1`, [`u:${user.username.toLowerCase()}`]);
    expect(rows[0]!.n).toBe(PER_ACCOUNT);
    // A limiter that never saw the attempts in memory: what a second API process, or a restart, has.
    const elsewhere = new LoginRateLimiter(t.dataSource);
    await expect(elsewhere.check('10.9.9.9', user.username.toUpperCase())).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    const until = await elsewhere.lockedUntil(user.username);
    expect(until!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    // Out of the window the old failures no longer count.
    expect(await elsewhere.lockedUntil(user.username, Date.now() + 16 * 60_000)).toBeNull();
    expect(await elsewhere.unlock(user.username)).toBe(true);
    await request(t.server).post('/api/auth/login').send({ username: user.username, password: user.password }).expect(200);
  });

  it('security headers are set on every answer', async () => {
    const res = await request(t.server).get('/api/health').expect(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('never logs a password, a session token or a cookie', async () => {
    const user = await newUser(t, 'analyst');
    const login = await request(t.server).post('/api/auth/login').send({ username: user.username, password: user.password }).expect(200);
    const cookie = (login.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
    const token = /hp_session=([^;]+)/.exec(cookie)![1]!;
    await request(t.server).get('/api/auth/me').set('Cookie', cookie).expect(200);
    await request(t.server).post('/api/auth/login').send({ username: user.username, password: 'a-wrong-secret-123' }).expect(401);
    const text = log.join('');
    expect(text).toContain('"path":"/api/auth/login"');
    expect(text).not.toContain(user.password);
    expect(text).not.toContain('a-wrong-secret-123');
    expect(text).not.toContain(token);
    expect(text).not.toContain(login.body.csrfToken);
  });
});
