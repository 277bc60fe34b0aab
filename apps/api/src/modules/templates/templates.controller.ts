import { Controller, Get, Header, Param, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CSV_BOM, csvLine } from '@hunan-perf/contracts';
import { type AuthUser, CurrentUser } from '../auth/auth-user.js';
import { AnyRole } from '../auth/roles.decorator.js';
import { ReportAccessService } from '../reports/report-access.service.js';
import { type Cell, templateGrid, templateToXlsx } from './report-template.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const disposition = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
const toCsv = (grid: Cell[][]) => Buffer.from(CSV_BOM + grid.map((r) => csvLine(r)).join(''), 'utf8');

@ApiTags('templates')
@Controller()
export class TemplatesController {
  constructor(private readonly access: ReportAccessService) {}

  @AnyRole()
  @Get('templates/report.xlsx')
  @Header('Content-Type', XLSX)
  @Header('Content-Disposition', disposition('部门整体支出绩效自评填报模板.xlsx'))
  @ApiOperation({ summary: '省级统一填报模板（Excel），填好后通过上传接口导入' })
  async xlsx(): Promise<StreamableFile> {
    return new StreamableFile(await templateToXlsx(templateGrid(null)));
  }

  @AnyRole()
  @Get('templates/report.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', disposition('部门整体支出绩效自评填报模板.csv'))
  @ApiOperation({ summary: '省级统一填报模板（CSV，UTF-8 带 BOM）' })
  csv(): StreamableFile {
    return new StreamableFile(toCsv(templateGrid(null)));
  }

  @AnyRole()
  @Get('reports/:id/template.xlsx')
  @Header('Content-Type', XLSX)
  @ApiOperation({ summary: '把一份报告导出为填报模板（Excel）：再导入得到同样的数据' })
  async reportXlsx(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<StreamableFile> {
    const report = await this.access.get(id, user);
    return new StreamableFile(await templateToXlsx(templateGrid(report.document)), { disposition: disposition(`${report.unitName ?? '报告'}-${report.fiscalYear ?? ''}.xlsx`) });
  }

  @AnyRole()
  @Get('reports/:id/template.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: '把一份报告导出为填报模板（CSV）' })
  async reportCsv(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<StreamableFile> {
    const report = await this.access.get(id, user);
    return new StreamableFile(toCsv(templateGrid(report.document)), { disposition: disposition(`${report.unitName ?? '报告'}-${report.fiscalYear ?? ''}.csv`) });
  }
}
