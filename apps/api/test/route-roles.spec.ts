import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants.js';
import { PUBLIC_KEY, ROLES_KEY } from '../src/modules/auth/roles.decorator.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Routes that need no sign-in. Adding one here is a decision to review. */
const PUBLIC_ALLOW_LIST = ['GET /health', 'POST /auth/login'];

describe('every route declares its roles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('has an explicit role list or sits on the short public allow-list', () => {
    const controllers = [...t.app.get(ModulesContainer).values()].flatMap((m) => [...m.controllers.values()]);
    const scanner = new MetadataScanner();
    const reflector = t.app.get(Reflector);
    const routes: string[] = [];
    const undeclared: string[] = [];
    const publicRoutes: string[] = [];
    for (const wrapper of controllers) {
      const instance = wrapper.instance as object | undefined;
      if (!instance) continue;
      const base = String(reflector.get(PATH_METADATA, wrapper.metatype as never) ?? '');
      for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
        const handler = (instance as Record<string, unknown>)[name] as object;
        const path = reflector.get<string | undefined>(PATH_METADATA, handler as never);
        if (path === undefined) continue;
        const method = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'ALL', 'OPTIONS', 'HEAD'][reflector.get<number>(METHOD_METADATA, handler as never)];
        const route = `${method} /${[base, path].filter((p) => p && p !== '/').join('/')}`;
        routes.push(route);
        const targets = [handler, wrapper.metatype as object] as never[];
        if (reflector.getAllAndOverride(PUBLIC_KEY, targets)) publicRoutes.push(route);
        else if (!reflector.getAllAndOverride(ROLES_KEY, targets)) undeclared.push(route);
      }
    }
    expect(routes.length).toBeGreaterThan(6);
    expect(undeclared).toEqual([]);
    expect(publicRoutes.sort()).toEqual([...PUBLIC_ALLOW_LIST].sort());
  });

  it('gives the review steps to the roles the workflow names (libs/contracts report-workflow.ts)', () => {
    const reflector = t.app.get(Reflector);
    const controller = [...t.app.get(ModulesContainer).values()].flatMap((m) => [...m.controllers.values()])
      .find((w) => reflector.get(PATH_METADATA, w.metatype as never) === 'reports')!;
    const rolesOf = (path: string) => {
      const proto = Object.getPrototypeOf(controller.instance) as Record<string, object>;
      const name = Object.getOwnPropertyNames(proto).find((n) => n !== 'constructor' && reflector.get(PATH_METADATA, proto[n] as never) === path)!;
      return [...reflector.get<string[]>(ROLES_KEY, proto[name] as never)].sort();
    };
    expect(rolesOf(':id/submit')).toEqual(['admin', 'submitter']);
    expect(rolesOf(':id/return')).toEqual(['admin', 'analyst']);
    expect(rolesOf(':id/withdraw')).toEqual(['admin', 'analyst', 'submitter']);
    expect(rolesOf(':id/confirm')).toEqual(['admin', 'analyst']);
  });
});
