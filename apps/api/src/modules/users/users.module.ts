import { Module } from '@nestjs/common';
import { LoginRateLimiter } from '../auth/login-rate-limiter.js';
import { SessionRepository } from '../auth/session.repository.js';
import { RegionsModule } from '../regions/regions.module.js';
import { UsersController } from './users.controller.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

/** Accounts; the sessions and the sign-in limiter live here too, so admin actions and sign-in share them. */
@Module({
  imports: [RegionsModule],
  controllers: [UsersController],
  providers: [UsersRepository, UsersService, SessionRepository, LoginRateLimiter],
  exports: [UsersRepository, UsersService, SessionRepository, LoginRateLimiter],
})
export class UsersModule {}
