import type { CensusColumn } from '@sbo/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A bad cell of the uploaded census: its row, column and what is wrong. */
@Entity('census_row_error')
export class CensusRowError {
  @PrimaryColumn('uuid')
  submissionId: string;

  @PrimaryColumn()
  rowNumber: number;

  @PrimaryColumn({ type: 'text' })
  columnName: CensusColumn;

  @Column()
  message: string;
}
