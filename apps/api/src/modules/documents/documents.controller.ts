import { Controller, Get, Param, Post, Req, Res, StreamableFile, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type {} from 'multer';
import { badRequest } from '../../common/app-error.js';
import type { RequestWithId } from '../../common/request-id.js';
import { type AuthUser, CurrentUser } from '../auth/auth-user.js';
import { AnyRole, Roles } from '../auth/roles.decorator.js';
import { IngestResultDto } from './dto/ingest-result.dto.js';
import { DocumentsService } from './documents.service.js';
import { cleanFileName } from './file-name.js';

export const MAX_FILES_PER_REQUEST = 100;
/** Hard cap per part; files between the extraction limit (20 MB) and this get a per-file error. */
export const MAX_PART_BYTES = 50 * 1024 * 1024;

@ApiTags('documents')
@Controller('documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Roles('submitter', 'analyst', 'admin')
  @Post()
  @UseInterceptors(FilesInterceptor('files', MAX_FILES_PER_REQUEST, { limits: { fileSize: MAX_PART_BYTES, files: MAX_FILES_PER_REQUEST }, defParamCharset: 'utf8' }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } } } })
  @ApiOperation({ summary: '上传自评报告（可多个文件，字段名 files）：逐个文件返回结果，单个文件出错不影响其他文件' })
  @ApiOkResponse({ type: [IngestResultDto] })
  async upload(@UploadedFiles() files: Express.Multer.File[] | undefined, @CurrentUser() user: AuthUser, @Req() req: RequestWithId): Promise<IngestResultDto[]> {
    if (!files || files.length === 0) throw badRequest('NO_FILES', '没有收到文件：请用 multipart/form-data 的 files 字段上传一个或多个文件');
    return this.documents.upload(
      files.map((f) => ({ fileName: cleanFileName(f.originalname), bytes: f.buffer, mediaType: f.mimetype })),
      user,
      req.requestId,
    );
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
