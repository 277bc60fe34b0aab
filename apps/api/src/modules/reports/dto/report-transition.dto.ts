import { ApiProperty } from '@nestjs/swagger';
import { REPORT_STATUSES, REVIEW_COMMENT_MAX, REVIEW_EVENTS, type ReportStatus, type ReviewEvent } from '@hunan-perf/contracts';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length } from 'class-validator';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** An optional text: blank is the same as none. */
const trimmedOrNone = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || undefined : value);

export class SubmitReportDto {
  @ApiProperty({ required: false, description: '重新提交时的说明（可选），如“已按审核意见修改”' })
  @IsOptional() @Transform(trimmedOrNone) @IsString({ message: '必须是文本' })
  @Length(1, REVIEW_COMMENT_MAX, { message: `最多 ${REVIEW_COMMENT_MAX} 个字` })
  comment?: string;
}

export class ReturnReportDto {
  @ApiProperty({ description: '退回意见（必填）：哪里要改、为什么，提交单位会在报告上看到' })
  // Length alone also refuses a missing or non-text comment, with the one message.
  @Transform(trimmed)
  @Length(1, REVIEW_COMMENT_MAX, { message: `必填，请写明退回修改的原因（最多 ${REVIEW_COMMENT_MAX} 个字）` })
  comment: string;
}

export class WithdrawReportDto {
  @ApiProperty({ required: false, description: '撤回原因（可选），如“上传错了文件”' })
  @IsOptional() @Transform(trimmedOrNone) @IsString({ message: '必须是文本' })
  @Length(1, REVIEW_COMMENT_MAX, { message: `最多 ${REVIEW_COMMENT_MAX} 个字` })
  reason?: string;
}

/** One step of the review history (from the audit trail). */
export class ReviewEventDto {
  @ApiProperty({ enum: REVIEW_EVENTS, description: '提交审核、重新提交、退回修改、确认、撤回、指定单位、被新版本替代' }) event: ReviewEvent;
  @ApiProperty({ example: '退回修改', description: '该步骤的中文名称' }) label: string;
  @ApiProperty({ enum: REPORT_STATUSES, nullable: true, type: String }) fromStatus: ReportStatus | null;
  @ApiProperty({ enum: REPORT_STATUSES }) toStatus: ReportStatus;
  @ApiProperty({ nullable: true, type: String, description: '办理人的用户名；系统自动办理时为 null' }) actor: string | null;
  @ApiProperty({ nullable: true, type: String, description: '办理人的显示名称' }) actorName: string | null;
  @ApiProperty({ nullable: true, type: String, description: '退回意见、重新提交说明或撤回原因' }) comment: string | null;
  @ApiProperty() at: string;
}
