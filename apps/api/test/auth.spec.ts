import request from 'supertest';
import { newUser, signIn, startTestApp, type TestApp } from './support/test-app.js';

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('logs in with the right password and sets an httpOnly session cookie', async () => {
    const user = await newUser(t, 'analyst');
    const res = await request(t.server).post('/api/auth/login').send({ username: user.username, password: user.password }).expect(200);
    expect(res.body.user).toMatchObject({ username: user.username, role: 'analyst', regionCode: null });
    expect(res.body).not.toHaveProperty('user.passwordHash');
    const cookies = res.headers['set-cookie'] as unknown as string[];
    expect(cookies.find((c) => c.startsWith('hp_session='))).toMatch(/HttpOnly/);
    expect(cookies.find((c) => c.startsWith('hp_session='))).toMatch(/SameSite=Strict/);
    const [{ password_hash: hash }] = await t.dataSource.query(`SELECT password_hash FROM app_user WHERE id = $1`, [user.id]);
    expect(hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a wrong password and an unknown user with the same message', async () => {
    const user = await newUser(t, 'viewer');
    const wrong = await request(t.server).post('/api/auth/login').send({ username: user.username, password: 'nope-nope-nope' }).expect(401);
    const unknown = await request(t.server).post('/api/auth/login').send({ username: 'ghost', password: 'nope-nope-nope' }).expect(401);
    expect(wrong.body).toMatchObject({ statusCode: 401, error: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
    expect(unknown.body.message).toBe(wrong.body.message);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('rejects a malformed login body, naming the fields', async () => {
    const res = await request(t.server).post('/api/auth/login').send({ username: 'a', pass: 'x' }).expect(400);
    expect(res.body.error).toBe('VALIDATION_FAILED');
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['pass', 'password']));
  });

  it('me answers for a live session; logout revokes it', async () => {
    const user = await newUser(t, 'viewer');
    const s = await signIn(t, user.username, user.password);
    await s.agent.get('/api/auth/me').expect(200).expect((r) => expect(r.body.user.username).toBe(user.username));
    await s.agent.post('/api/auth/logout').set('x-csrf-token', s.csrf).expect(204);
    await s.agent.get('/api/auth/me').expect(401);
  });

  it('an expired session no longer works', async () => {
    const user = await newUser(t, 'viewer');
    const s = await signIn(t, user.username, user.password);
    await t.dataSource.query(`UPDATE user_session SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.id]);
    const res = await s.agent.get('/api/auth/me').expect(401);
    expect(res.body.error).toBe('UNAUTHENTICATED');
  });

  it('a write without the CSRF token is refused', async () => {
    const user = await newUser(t, 'admin');
    const s = await signIn(t, user.username, user.password);
    const count = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM unit`))[0].n as number;
    const before = await count();
    const res = await s.agent.post('/api/units').send({ name: '测试单位', regionCode: '430181' }).expect(403);
    expect(res.body.error).toBe('CSRF_TOKEN_INVALID');
    await s.agent.post('/api/units').set('x-csrf-token', 'forged').send({ name: '测试单位', regionCode: '430181' }).expect(403);
    expect(await count()).toBe(before);
  });

  it('health is public and reports the database', async () => {
    const res = await request(t.server).get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'up' });
    // No DATABASE_READ_URL: the dashboard reads from the primary, which is no standby and has no lag.
    expect(res.body.readDatabase).toEqual({ connection: 'primary', database: 'up', standby: false, lagBytes: null, lagSeconds: null });
    expect(res.headers['x-request-id']).toBeDefined();
  });
});

describe('changing one’s own password', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('needs the current password, signs out the other sessions, and the new password works', async () => {
    const user = await newUser(t, 'analyst');
    const here = await signIn(t, user.username, user.password);
    const elsewhere = await signIn(t, user.username, user.password);
    const wrong = await here.agent.post('/api/auth/password').set('x-csrf-token', here.csrf)
      .send({ currentPassword: 'not-it-at-all', newPassword: 'a-brand-new-password' }).expect(400);
    expect(wrong.body).toMatchObject({ error: 'WRONG_PASSWORD', details: [{ field: 'currentPassword' }] });
    const short = await here.agent.post('/api/auth/password').set('x-csrf-token', here.csrf)
      .send({ currentPassword: user.password, newPassword: 'short' }).expect(400);
    expect(short.body.details.map((d: { field: string }) => d.field)).toEqual(['newPassword']);

    await here.agent.post('/api/auth/password').set('x-csrf-token', here.csrf)
      .send({ currentPassword: user.password, newPassword: 'a-brand-new-password' }).expect(204);
    await here.agent.get('/api/auth/me').expect(200);
    await elsewhere.agent.get('/api/auth/me').expect(401);
    await request(t.server).post('/api/auth/login').send({ username: user.username, password: user.password }).expect(401);
    await request(t.server).post('/api/auth/login').send({ username: user.username, password: 'a-brand-new-password' }).expect(200);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'user.change_password' AND entity_id = $1`, [user.id]);
    expect(n).toBe(1);
  });
});
