import { Global, Module } from '@nestjs/common';
import { AuditTrailService } from './audit-trail.service.js';
import { AuditController } from './audit.controller.js';
import { AuditRepository } from './audit.repository.js';
import { AuditService } from './audit.service.js';

@Global()
@Module({ controllers: [AuditController], providers: [AuditService, AuditRepository, AuditTrailService], exports: [AuditService] })
export class AuditModule {}
