import request from 'supertest';
import { newUser, type Session, sessionAs, signIn, startTestApp, type TestApp } from './support/test-app.js';

/** Issue 12 items 4–6: security events audited, login limits, JSON-only sign-in, account administration. */
describe('account security', () => {
  let t: TestApp;
  let admin: Session;
  const count = async (sql: string, params: unknown[] = []) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n as number;
  const events = (action: string, entityId?: string) =>
    entityId ? count(`audit_event WHERE action = $1 AND entity_id = $2`, [action, entityId]) : count(`audit_event WHERE action = $1`, [action]);
  const login = (username: string, password: string, address = '10.0.0.1') =>
    request(t.server).post('/api/auth/login').set('X-Forwarded-For', address).send({ username, password });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await sessionAs(t, 'admin');
  });
  afterAll(() => t.close());

  describe('sign-in takes JSON only (login CSRF)', () => {
    it.each([
      ['application/x-www-form-urlencoded', (u: string, p: string) => `username=${u}&password=${p}`],
      ['text/plain', (u: string, p: string) => JSON.stringify({ username: u, password: p })],
    ])('a %s body is refused with 415 in Chinese and opens no session', async (type, body) => {
      const user = await newUser(t, 'viewer');
      const before = await count('user_session');
      const res = await request(t.server).post('/api/auth/login').set('Content-Type', type).send(body(user.username, user.password)).expect(415);
      expect(res.body).toMatchObject({ statusCode: 415, error: 'UNSUPPORTED_MEDIA_TYPE', message: '登录请求须以 JSON 提交（Content-Type: application/json）' });
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(await count('user_session')).toBe(before);
    });

    it('multipart is refused too; JSON with a charset passes', async () => {
      const user = await newUser(t, 'viewer');
      await request(t.server).post('/api/auth/login').field('username', user.username).field('password', user.password).expect(415);
      await request(t.server).post('/api/auth/login').set('Content-Type', 'application/json; charset=utf-8')
        .send(JSON.stringify({ username: user.username, password: user.password })).expect(200);
    });
  });

  describe('login limits', () => {
    it('locks an account after 5 failures whatever the address (rotating X-Forwarded-For does not help)', async () => {
      const user = await newUser(t, 'viewer');
      const failedBefore = await events('auth.login_failed', user.id);
      for (let i = 0; i < 5; i++) await login(user.username, 'wrong-password', `10.1.0.${i + 1}`).expect(401);
      const res = await login(user.username, user.password, '10.1.0.99').expect(429);
      expect(res.body.message).toMatch(/^登录失败次数过多，请 \d+ 分钟后再试$/);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(800);
      expect(await events('auth.login_failed', user.id)).toBe(failedBefore + 5);
      expect(await events('auth.lockout', user.id)).toBe(1);
      const [lock] = await t.dataSource.query(`SELECT new_value FROM audit_event WHERE action = 'auth.lockout' AND entity_id = $1`, [user.id]);
      expect(lock.new_value).toMatchObject({ username: user.username, address: '10.1.0.5', scope: 'account' });
    });

    it('limits one address to 30 failures over any accounts', async () => {
      const address = '10.2.0.7';
      for (let i = 0; i < 30; i++) await login(`nobody-${i}`, 'wrong-password', address).expect(401);
      const fresh = await newUser(t, 'viewer');
      await login(fresh.username, fresh.password, address).expect(429);
      await login(fresh.username, fresh.password, '10.2.0.8').expect(200);
      expect(await count(`audit_event WHERE action = 'auth.lockout' AND entity_type = 'address' AND entity_id = $1`, [address])).toBe(1);
    });

    it('an admin can unlock a locked account; the unlock is audited', async () => {
      const user = await newUser(t, 'analyst');
      for (let i = 0; i < 5; i++) await login(user.username, 'wrong-password', `10.3.0.${i}`).expect(401);
      await login(user.username, user.password).expect(429);
      const listed = (await admin.agent.get('/api/users').expect(200)).body.find((u: { id: string }) => u.id === user.id);
      expect(listed.lockedUntil).not.toBeNull();
      const before = await events('user.unlock', user.id);
      const res = await admin.agent.post(`/api/users/${user.id}/unlock`).set('x-csrf-token', admin.csrf).expect(201);
      expect(res.body.lockedUntil).toBeNull();
      expect(await events('user.unlock', user.id)).toBe(before + 1);
      await login(user.username, user.password).expect(200);
      const again = await admin.agent.post(`/api/users/${user.id}/unlock`).set('x-csrf-token', admin.csrf).expect(409);
      expect(again.body.message).toContain('当前未被锁定');
    });
  });

  describe('security events are audited', () => {
    it('sign-in, failed sign-in (username as typed, address), sign-out and password change', async () => {
      const user = await newUser(t, 'viewer');
      const total = await count('audit_event');
      await login(user.username.toUpperCase(), 'not-the-password', '10.4.0.1').expect(401);
      await login('no-such-user', 'not-the-password', '10.4.0.2').expect(401);
      const s = await signIn(t, user.username, user.password);
      await s.agent.post('/api/auth/password').set('x-csrf-token', s.csrf).send({ currentPassword: user.password, newPassword: 'a-brand-new-password' }).expect(204);
      await s.agent.post('/api/auth/logout').set('x-csrf-token', s.csrf).expect(204);
      expect(await count('audit_event')).toBe(total + 5);
      const rows: { action: string; actor_id: string | null; entity_id: string | null; new_value: Record<string, string> | null }[] = await t.dataSource.query(
        `SELECT action, actor_id, entity_id, new_value FROM audit_event ORDER BY id DESC LIMIT 5`,
      );
      expect(rows.map((r) => r.action).reverse()).toEqual(['auth.login_failed', 'auth.login_failed', 'auth.login', 'user.change_password', 'auth.logout']);
      const [logout, change, signin, unknown, wrong] = rows;
      expect(wrong).toMatchObject({ actor_id: null, entity_id: user.id, new_value: { username: user.username.toUpperCase(), address: '10.4.0.1', reason: 'wrong_password' } });
      expect(unknown).toMatchObject({ actor_id: null, entity_id: null, new_value: { username: 'no-such-user', address: '10.4.0.2', reason: 'unknown_user' } });
      expect(signin).toMatchObject({ actor_id: user.id, new_value: { username: user.username } });
      expect(change).toMatchObject({ actor_id: user.id, entity_id: user.id });
      expect(logout).toMatchObject({ actor_id: user.id, action: 'auth.logout' });
      expect(JSON.stringify(rows)).not.toContain('not-the-password');
      expect(JSON.stringify(rows)).not.toContain('a-brand-new-password');
    });
  });

  describe('account administration', () => {
    it('disable signs the account out at once and refuses its sign-in; enable lets it back; both audited', async () => {
      const user = await newUser(t, 'analyst');
      const s = await signIn(t, user.username, user.password);
      const before = await count(`audit_event WHERE entity_id = $1 AND action IN ('user.disable', 'user.enable')`, [user.id]);
      const live = await count(`user_session WHERE user_id = $1 AND revoked_at IS NULL`, [user.id]);
      expect(live).toBe(1);
      const res = await admin.agent.post(`/api/users/${user.id}/disable`).set('x-csrf-token', admin.csrf).expect(201);
      expect(res.body.disabledAt).not.toBeNull();
      expect(await count(`user_session WHERE user_id = $1 AND revoked_at IS NULL`, [user.id])).toBe(0);
      await s.agent.get('/api/auth/me').expect(401);
      const refused = await login(user.username, user.password).expect(403);
      expect(refused.body).toMatchObject({ error: 'ACCOUNT_DISABLED', message: '该账号已停用，请联系管理员' });
      await admin.agent.post(`/api/users/${user.id}/enable`).set('x-csrf-token', admin.csrf).expect(201);
      await login(user.username, user.password).expect(200);
      expect(await count(`audit_event WHERE entity_id = $1 AND action IN ('user.disable', 'user.enable')`, [user.id])).toBe(before + 2);
    });

    it('an admin cannot disable, demote or reset themself; non-admins cannot administer', async () => {
      const before = await count('audit_event');
      const self = admin.userId;
      await admin.agent.post(`/api/users/${self}/disable`).set('x-csrf-token', admin.csrf).expect(400);
      await admin.agent.patch(`/api/users/${self}`).set('x-csrf-token', admin.csrf).send({ role: 'viewer' }).expect(400);
      await admin.agent.post(`/api/users/${self}/reset-password`).set('x-csrf-token', admin.csrf).expect(400);
      const analyst = await sessionAs(t, 'analyst');
      const victim = await newUser(t, 'viewer');
      await analyst.agent.post(`/api/users/${victim.id}/disable`).set('x-csrf-token', analyst.csrf).expect(403);
      await analyst.agent.get('/api/audit-events').expect(403);
      expect(await count(`app_user WHERE disabled_at IS NOT NULL AND id IN ($1, $2)`, [self, victim.id])).toBe(0);
      // Only the two accounts created and the analyst's sign-in; the refusals write nothing.
      expect(await count('audit_event')).toBe(before + 3);
    });

    it('reset gives a one-time password; until it is changed every other request is refused', async () => {
      const user = await newUser(t, 'viewer');
      const old = await signIn(t, user.username, user.password);
      const before = await events('user.reset_password', user.id);
      const res = await admin.agent.post(`/api/users/${user.id}/reset-password`).set('x-csrf-token', admin.csrf).expect(201);
      const temporary = res.body.temporaryPassword as string;
      expect(temporary).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect(await events('user.reset_password', user.id)).toBe(before + 1);
      const [audit] = await t.dataSource.query(`SELECT new_value FROM audit_event WHERE action = 'user.reset_password' AND entity_id = $1`, [user.id]);
      expect(JSON.stringify(audit)).not.toContain(temporary);
      await old.agent.get('/api/auth/me').expect(401);
      await login(user.username, user.password).expect(401);

      const s = await signIn(t, user.username, temporary);
      const me = await s.agent.get('/api/auth/me').expect(200);
      expect(me.body.user.mustChangePassword).toBe(true);
      const refused = await s.agent.get('/api/reports').expect(403);
      expect(refused.body).toMatchObject({ error: 'PASSWORD_CHANGE_REQUIRED', message: '管理员已重置您的密码：请先修改密码，然后才能继续使用' });
      await s.agent.get('/api/analytics/overview').expect(403);
      await s.agent.post('/api/auth/password').set('x-csrf-token', s.csrf).send({ currentPassword: temporary, newPassword: 'my-own-new-password' }).expect(204);
      await s.agent.get('/api/reports').expect(200);
      expect((await s.agent.get('/api/auth/me').expect(200)).body.user.mustChangePassword).toBe(false);
      expect(await count(`app_user WHERE id = $1 AND must_change_password`, [user.id])).toBe(0);
    });

    it('role and region changes are audited with old and new values; a viewer limited to a region sees only it', async () => {
      const user = await newUser(t, 'viewer');
      const s = await signIn(t, user.username, user.password);
      const all = (await s.agent.get('/api/units').expect(200)).body as { regionCode: string }[];
      expect(all.some((u) => !u.regionCode.startsWith('4301'))).toBe(true);
      const before = await events('user.update', user.id);
      const res = await admin.agent.patch(`/api/users/${user.id}`).set('x-csrf-token', admin.csrf).send({ regionCode: '430100' }).expect(200);
      expect(res.body).toMatchObject({ role: 'viewer', regionCode: '430100' });
      const units = (await s.agent.get('/api/units').expect(200)).body as { regionCode: string }[];
      expect(units.length).toBeGreaterThan(0);
      expect(units.every((u) => u.regionCode.startsWith('4301'))).toBe(true);
      await s.agent.get('/api/units?regionCode=433100').expect(403);
      await s.agent.get('/api/analytics/trends?metric=scoreTotal&regionCodes=430000').expect(403);

      await admin.agent.patch(`/api/users/${user.id}`).set('x-csrf-token', admin.csrf).send({ role: 'analyst', regionCode: null }).expect(200);
      expect(await events('user.update', user.id)).toBe(before + 2);
      const [last] = await t.dataSource.query(
        `SELECT old_value, new_value FROM audit_event WHERE action = 'user.update' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, [user.id]);
      expect(last).toEqual({ old_value: { role: 'viewer', regionCode: '430100' }, new_value: { role: 'analyst', regionCode: null } });
      expect((await s.agent.get('/api/auth/me').expect(200)).body.user).toMatchObject({ role: 'analyst', regionCode: null });
    });

    it('refuses a submitter without a region and an admin with one, writing nothing', async () => {
      const user = await newUser(t, 'viewer');
      const before = await count('audit_event');
      const a = await admin.agent.patch(`/api/users/${user.id}`).set('x-csrf-token', admin.csrf).send({ role: 'submitter' }).expect(400);
      expect(a.body.error).toBe('REGION_REQUIRED');
      const b = await admin.agent.patch(`/api/users/${user.id}`).set('x-csrf-token', admin.csrf).send({ role: 'admin', regionCode: '430100' }).expect(400);
      expect(b.body.error).toBe('ADMIN_NOT_REGIONAL');
      await admin.agent.patch(`/api/users/${user.id}`).set('x-csrf-token', admin.csrf).send({ regionCode: '999999' }).expect(400);
      expect(await count('audit_event')).toBe(before);
      expect(await count(`app_user WHERE id = $1 AND role = 'viewer' AND region_code IS NULL`, [user.id])).toBe(1);
    });

    it('lists a user’s sessions and revokes one or all, each audited', async () => {
      const user = await newUser(t, 'viewer');
      const first = await signIn(t, user.username, user.password);
      const second = await signIn(t, user.username, user.password);
      const list = (await admin.agent.get(`/api/users/${user.id}/sessions`).expect(200)).body as { id: string; address: string }[];
      expect(list).toHaveLength(2);
      expect(list[0]).not.toHaveProperty('tokenHash');
      const me = await t.dataSource.query(`SELECT id FROM user_session WHERE user_id = $1 ORDER BY created_at LIMIT 1`, [user.id]);
      const before = await events('user.revoke_session', user.id);
      await admin.agent.delete(`/api/users/${user.id}/sessions/${me[0].id}`).set('x-csrf-token', admin.csrf).expect(200, { revoked: 1 });
      await first.agent.get('/api/auth/me').expect(401);
      await second.agent.get('/api/auth/me').expect(200);
      await admin.agent.delete(`/api/users/${user.id}/sessions/${me[0].id}`).set('x-csrf-token', admin.csrf).expect(404);
      await admin.agent.delete(`/api/users/${user.id}/sessions`).set('x-csrf-token', admin.csrf).expect(200, { revoked: 1 });
      await second.agent.get('/api/auth/me').expect(401);
      expect(await events('user.revoke_session', user.id)).toBe(before + 2);
      expect(await count(`user_session WHERE user_id = $1 AND revoked_at IS NULL`, [user.id])).toBe(0);
    });
  });

  describe('the audit trail page and export', () => {
    it('filters by action, actor, entity and a day range in 北京时间, newest first, with paging', async () => {
      const user = await newUser(t, 'viewer');
      for (let i = 0; i < 3; i++) await login(user.username, `wrong-${i}`, `10.5.0.${i}`).expect(401);
      const page = await admin.agent.get(`/api/audit-events?action=auth.login_failed&actor=${user.username}&limit=2`).expect(200);
      expect(page.body.total).toBe(3);
      expect(page.body.items).toHaveLength(2);
      expect(page.body.items[0]).toMatchObject({ action: 'auth.login_failed', actionLabel: '登录失败', actorName: user.username, address: '10.5.0.2', entityId: user.id });
      const next = await admin.agent.get(`/api/audit-events?action=auth.login_failed&actor=${user.username}&limit=2&offset=2`).expect(200);
      expect(next.body.items.map((e: { address: string }) => e.address)).toEqual(['10.5.0.0']);
      const byEntity = await admin.agent.get(`/api/audit-events?entityType=app_user&entityId=${user.id}`).expect(200);
      expect(byEntity.body.items.map((e: { action: string }) => e.action)).toEqual(['auth.login_failed', 'auth.login_failed', 'auth.login_failed', 'user.create']);

      // An event at 2026-03-01 23:30 北京时间 is 15:30 UTC: it belongs to 03-01, not 03-02.
      await t.dataSource.query(
        `INSERT INTO audit_event (occurred_at, actor_id, action, entity_type, entity_id) VALUES ('2026-03-01 15:30:00+00', $1, 'user.update', 'app_user', $2)`,
        [admin.userId, user.id],
      );
      const day = async (from: string, to: string) =>
        (await admin.agent.get(`/api/audit-events?from=${from}&to=${to}&entityId=${user.id}`).expect(200)).body.total as number;
      expect(await day('2026-03-01', '2026-03-01')).toBe(1);
      expect(await day('2026-03-02', '2026-03-02')).toBe(0);
      expect(await day('2026-02-28', '2026-02-28')).toBe(0);
      const bad = await admin.agent.get('/api/audit-events?from=2026-03-02&to=2026-03-01').expect(400);
      expect(bad.body.error).toBe('INVALID_RANGE');
      const actions = (await admin.agent.get('/api/audit-events/actions').expect(200)).body;
      expect(actions).toEqual(expect.arrayContaining([{ action: 'auth.login_failed', label: '登录失败' }]));
    });

    it('exports CSV (BOM, formulas defused) and XLSX from the server with the same filters', async () => {
      await login('=HYPERLINK("http://evil")', 'wrong-password', '10.6.0.1').expect(401);
      const csv = await admin.agent.get('/api/audit-events/export?format=csv&action=auth.login_failed&actor=hyperlink')
        .buffer(true).parse((res, cb) => { let s = ''; res.setEncoding('utf8'); res.on('data', (c: string) => (s += c)); res.on('end', () => cb(null, s)); })
        .expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(decodeURIComponent(csv.headers['content-disposition'] as string)).toContain('审计日志.csv');
      const text = csv.body as string;
      expect(text.startsWith('\uFEFF')).toBe(true);
      const lines = text.slice(1).trim().split(/\r?\n/);
      expect(lines[0]).toContain('时间（北京时间）');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
      expect(lines[1]).toContain('登录失败');
      const xlsx = await admin.agent.get('/api/audit-events/export?format=xlsx&action=auth.login_failed').buffer(true)
        .parse((res, cb) => { const parts: Buffer[] = []; res.on('data', (c: Buffer) => parts.push(c)); res.on('end', () => cb(null, Buffer.concat(parts))); })
        .expect(200);
      expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
      const viewer = await sessionAs(t, 'viewer');
      await viewer.agent.get('/api/audit-events/export?format=csv').expect(403);
    });
  });
});

describe('region scope of trends and /api/docs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('a 浏阳 submitter asking for the 湖南省 series is refused, not answered with 浏阳’s data under 湖南省', async () => {
    const liuyang = await sessionAs(t, 'submitter', '430181');
    const res = await liuyang.agent.get('/api/analytics/trends?metric=scoreTotal&regionCodes=430000').expect(403);
    expect(res.body.message).toBe('当前账号只能查看本地区的数据');
    await liuyang.agent.get('/api/analytics/trends?metric=scoreTotal&regionCodes=430181').expect(200);
    const changsha = await sessionAs(t, 'viewer');
    await changsha.agent.get('/api/analytics/trends?metric=scoreTotal&regionCodes=430000').expect(200);
  });

  it('/api/docs and its openapi.json need a sign-in', async () => {
    const res = await request(t.server).get('/api/docs/openapi.json').expect(401);
    expect(res.body).toMatchObject({ error: 'UNAUTHENTICATED', message: '接口文档仅对已登录用户开放，请先登录' });
    await request(t.server).get('/api/docs').expect(401);
    await request(t.server).get('/api/docs/').set('Cookie', 'hp_session=forged').expect(401);
    const viewer = await sessionAs(t, 'viewer');
    const doc = await viewer.agent.get('/api/docs/openapi.json').expect(200);
    expect(doc.body.paths['/api/audit-events']).toBeDefined();
  });
});
