import { ApiProperty } from '@nestjs/swagger';
import { type Coverage, REPORT_ACTIONS, type ReportAction, type ReportDocument, type ReportWarning, WAITING_FOR, type WaitingFor } from '@hunan-perf/contracts';
import { REPORT_STATUSES, type ReportStatus } from '../report-status.js';
import { ReviewEventDto } from './report-transition.dto.js';

export class ReportUnitDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

export const CORRECTION_CHANGES = ['field', 'row_added', 'row_updated', 'row_deleted'] as const;
export type CorrectionChange = (typeof CORRECTION_CHANGES)[number];

export class CorrectionDto {
  @ApiProperty({ example: 'budget.total.initial' }) path: string;
  @ApiProperty({ example: '部门整体支出年初预算数', description: '字段或行的中文名称' }) label: string;
  @ApiProperty({ enum: CORRECTION_CHANGES, description: 'field：更正字段；row_added / row_updated / row_deleted：新增、更正、删除一行绩效指标或评分明细' })
  change: CorrectionChange;
  @ApiProperty({ nullable: true, description: '机器从原文读到的值' }) extracted: unknown;
  @ApiProperty({ nullable: true, description: '修改前的值' }) before: unknown;
  @ApiProperty({ nullable: true, description: '修改后的值' }) after: unknown;
  @ApiProperty() reason: string;
  @ApiProperty({ nullable: true, type: String }) editedBy: string | null;
  @ApiProperty() editedAt: string;
}

export class SourceTextDto {
  @ApiProperty({ nullable: true, type: String }) documentId: string | null;
  @ApiProperty({ nullable: true, type: String }) fileName: string | null;
  @ApiProperty({ nullable: true, type: String }) format: string | null;
  @ApiProperty({ nullable: true, type: String }) sha256: string | null;
  @ApiProperty({ type: [String], description: '解码后的原文，lines[0] 为第 1 行（与 provenance 的行号对应）' }) lines: string[];
}

/** Coverage of the contract (libs/report-parser coverageOf). */
export class CoverageDto implements Coverage {
  @ApiProperty({ description: '识别出的字段数' }) scalarsFound: number;
  @ApiProperty({ description: '应有的字段数（项目支出报告不计基本/项目支出、三公、人员）' }) scalarsTotal: number;
  @ApiProperty({ description: '指标行数' }) indicatorRows: number;
  @ApiProperty({ description: '已填的指标单元格（名称、目标值、实际值、分值、得分）' }) indicatorCellsFound: number;
  @ApiProperty({ description: '指标单元格总数（每行 5 格）' }) indicatorCellsTotal: number;
  @ApiProperty({ description: '0–100：字段占 60%，指标单元格占 40%（无指标表时该部分为 0）' }) percent: number;
}

export class UnitCandidateDto {
  @ApiProperty() unitId: string;
  @ApiProperty() name: string;
  @ApiProperty() regionCode: string;
  @ApiProperty() regionName: string;
  @ApiProperty() sameRegion: boolean;
  @ApiProperty() similarity: number;
}

export class ReportDetailDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: REPORT_STATUSES }) status: ReportStatus;
  @ApiProperty({ enum: WAITING_FOR, nullable: true, type: String, description: '待谁处理：submitter 提交单位，reviewer 审核人员；null 无需处理' })
  waitingFor: WaitingFor | null;
  @ApiProperty({ enum: REPORT_ACTIONS, isArray: true, description: '当前账号此时可以办理的审核步骤' }) actions: ReportAction[];
  @ApiProperty({ description: '当前账号此时能否更正该报告' }) canEdit: boolean;
  @ApiProperty({ type: [ReviewEventDto], description: '审核记录：提交、退回（含意见）、重新提交、确认、撤回，旧→新' }) history: ReviewEventDto[];
  @ApiProperty() version: number;
  @ApiProperty() kind: string;
  @ApiProperty({ nullable: true, type: Number }) fiscalYear: number | null;
  @ApiProperty({ nullable: true, type: ReportUnitDto }) unit: ReportUnitDto | null;
  @ApiProperty({ nullable: true, type: String }) regionCode: string | null;
  @ApiProperty({ nullable: true, type: String }) regionName: string | null;
  @ApiProperty() isSynthetic: boolean;
  @ApiProperty({ nullable: true, type: String }) revisedFrom: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) confirmedAt: string | null;
  @ApiProperty({ allOf: [{ $ref: '#/components/schemas/ReportDocument' }], description: 'ReportDocument v1（当前值，含人工更正）' }) document: ReportDocument;
  @ApiProperty({ allOf: [{ $ref: '#/components/schemas/ReportDocument' }], description: 'ReportDocument v1（机器提取的原始值）' }) extractedDocument: ReportDocument;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) warnings: ReportWarning[];
  @ApiProperty({ type: CoverageDto, description: '覆盖率：当前值（含人工更正）识别出多少字段与指标单元格' }) coverage: CoverageDto;
  @ApiProperty({ type: [CorrectionDto], description: '更正台账：机器读到的值、人工改成的值、谁、何时、为何' }) corrections: CorrectionDto[];
  @ApiProperty({ type: SourceTextDto }) source: SourceTextDto;
  @ApiProperty({ type: [UnitCandidateDto], description: '单位未识别时的候选单位（同地区优先，再按名称相似度）' }) candidates: UnitCandidateDto[];
}

export class ReportVersionDto {
  @ApiProperty() id: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: REPORT_STATUSES }) status: ReportStatus;
  @ApiProperty({ nullable: true, type: Number }) scoreTotal: number | null;
  @ApiProperty({ nullable: true, type: String }) fileName: string | null;
  @ApiProperty({ nullable: true, type: String }) revisedFrom: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) confirmedAt: string | null;
}
