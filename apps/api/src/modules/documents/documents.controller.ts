import { Controller, Get, Param, Post, Req, Res, StreamableFile, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { badRequest } from '../../common/app-error.js';
import type { RequestWithId } from '../../common/request-id.js';
import { type AuthUser, CurrentUser } from '../auth/auth-user.js';
import { AnyRole, Roles } from '../auth/roles.decorator.js';
import { IngestResultDto } from './dto/ingest-result.dto.js';
import { DocumentsService } from './documents.service.js';
import { DiskUploadInterceptor, type RequestWithUploads } from './disk-upload.interceptor.js';

@ApiTags('documents')
@Controller('documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Roles('submitter', 'analyst', 'admin')
  @Post()
  @UseInterceptors(DiskUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } } } })
  @ApiOperation({ summary: '上传自评报告（可多个文件，字段名 files）：逐个文件返回结果，单个文件出错不影响其他文件。单个文件 20 MB 以内；单个部分超过 50 MB 或整个请求超过 200 MB（默认上限）时在接收过程中即以 413 拒绝，不写入任何数据' })
  @ApiOkResponse({ type: [IngestResultDto] })
  async upload(@CurrentUser() user: AuthUser, @Req() req: RequestWithId & RequestWithUploads): Promise<IngestResultDto[]> {
    const parts = req.uploads ?? [];
    if (parts.length === 0) throw badRequest('NO_FILES', '没有收到文件：请用 multipart/form-data 的 files 字段上传一个或多个文件');
    return this.documents.upload(parts, user, req.requestId);
  }

  @AnyRole()
  @Get(':id/content')
  @ApiOperation({ summary: '下载原始文件（按原字节）' })
  async content(@Param('id') id: string, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const file = await this.documents.content(id, user);
    res.setHeader('Content-Type', file.mediaType);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    return new StreamableFile(file.bytes);
  }
}
