import { jestConfig } from '../../jest.config.base.js';

export default jestConfig({
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  testTimeout: 60_000,
});
