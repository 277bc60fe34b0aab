import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Copied text in 绩效目标 (issue 14 item 4): report_paragraph also holds the paragraphs of a
 * report's 绩效目标 section, section 'goal'. The contract has no field for them: the app reads
 * them from the source document's text (libs/report-parser goals.ts) when it writes a confirmed
 * report's paragraphs. Rows of reports confirmed before are made by the start-up backfill, which
 * makes every row again since the version it records (shingling, sections, goal finder) changed.
 */
export class GoalParagraphs1764950000000 implements MigrationInterface {
  name = 'GoalParagraphs1764950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report_paragraph DROP CONSTRAINT report_paragraph_section_check`);
    await q.query(`ALTER TABLE report_paragraph ADD CONSTRAINT report_paragraph_section_check CHECK (section IN ('problem', 'measure', 'goal'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM report_paragraph WHERE section = 'goal'`);
    await q.query(`ALTER TABLE report_paragraph DROP CONSTRAINT report_paragraph_section_check`);
    await q.query(`ALTER TABLE report_paragraph ADD CONSTRAINT report_paragraph_section_check CHECK (section IN ('problem', 'measure'))`);
  }
}
