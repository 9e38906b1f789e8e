import type { CensusGender, CensusRelationship } from '@sbo/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One member (employee or dependent) of a submission's census, by its row in the uploaded sheet. */
@Entity('census_row')
export class CensusRow {
  @PrimaryColumn('uuid')
  submissionId: string;

  @PrimaryColumn()
  rowNumber: number;

  @Column()
  employeeId: string;

  @Column({ type: 'text' })
  relationship: CensusRelationship;

  @Column()
  firstName: string;

  @Column()
  lastName: string;

  /** YYYY-MM-DD */
  @Column({ type: 'date' })
  dateOfBirth: string;

  @Column({ type: 'text' })
  gender: CensusGender;

  @Column()
  zip: string;
}
