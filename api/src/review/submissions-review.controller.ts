import { Body, Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AppAbility, SessionUser } from '@sbo/shared';
import { CurrentAbility, CurrentUser } from '../authorization/policies.decorator';
import { ActionRoute, CreateRoute, ReadRoute, RecordId, UpdateRoute } from '../authorization/routes.decorator';
import { SubmissionsService } from '../submissions/submissions.service';
import { AssignSubmissionDto } from './assign-submission.dto';
import { CorrectSubmissionDto } from './correct-submission.dto';
import { CreateStaffSubmissionDto } from './create-staff-submission.dto';
import { ReferOfflineDto } from './refer-offline.dto';
import { RequestItemsDto } from './request-items.dto';
import { ReturnSubmissionDto } from './return-submission.dto';
import { ReviewService } from './review.service';
import { reviewerMay } from './staff-policies';
import { StaffSubmissionListQueryDto } from './staff-submission-list-query.dto';
import { StaffSubmissionsService } from './staff-submissions.service';
import { VersionDto } from './version.dto';

const SubmissionId = () => RecordId('Submission');

/** The review side of submissions (reps and leads, their regions only). Each write carries `version`. */
@ApiTags('review')
@ApiBearerAuth()
@Controller('submissions')
export class SubmissionsReviewController {
  constructor(
    private readonly staff: StaffSubmissionsService,
    private readonly review: ReviewService,
    private readonly submissions: SubmissionsService,
  ) {}

  @ReadRoute('', reviewerMay('read'), "The regions' submissions, due soonest first; filters narrow inside the caller's regions.")
  list(@Query() query: StaffSubmissionListQueryDto, @CurrentUser() user: SessionUser, @CurrentAbility() ability: AppAbility) {
    return this.staff.list(user, ability, query);
  }

  @CreateRoute('', reviewerMay('create'), 'Key in an EMAIL or OFFLINE submission; intake rules apply unless bypassReason is given.')
  create(@Body() dto: CreateStaffSubmissionDto, @CurrentUser() user: SessionUser, @CurrentAbility() ability: AppAbility) {
    return this.review.create(user, ability, dto);
  }

  @ReadRoute(':id', reviewerMay('read'), 'The record with census summary, documents, problems, history and the actions open to the caller.')
  get(@SubmissionId() id: string, @CurrentAbility() ability: AppAbility) {
    return this.staff.get(ability, id);
  }

  @ReadRoute(':id/census', reviewerMay('read'), 'The census members kept and the errors of the rows that were not.')
  census(@SubmissionId() id: string, @CurrentAbility() ability: AppAbility) {
    return this.submissions.census(ability, id);
  }

  @ReadRoute(':id/audit', reviewerMay('read'), "The submission's audit trail, oldest first: {data, total}.")
  audit(@SubmissionId() id: string, @CurrentAbility() ability: AppAbility) {
    return this.staff.audit(ability, id);
  }

  @UpdateRoute(
    ':id',
    reviewerMay('correct'),
    'Correct fields in place (not in CA: 422 REGION_POLICY), with a reason; the submitter is emailed.',
  )
  correct(
    @SubmissionId() id: string,
    @Body() dto: CorrectSubmissionDto,
    @CurrentUser() user: SessionUser,
    @CurrentAbility() ability: AppAbility,
  ) {
    return this.review.correct(user, ability, id, dto);
  }

  @ActionRoute(':id/claim', reviewerMay('claim'), 'Take this queued submission into review.')
  claim(@SubmissionId() id: string, @Body() dto: VersionDto, @CurrentUser() user: SessionUser, @CurrentAbility() ability: AppAbility) {
    return this.review.claim(user, ability, id, dto);
  }

  @ActionRoute(':id/release', reviewerMay('release'), 'Put it back in the queue, unassigned.')
  release(@SubmissionId() id: string, @Body() dto: VersionDto, @CurrentUser() user: SessionUser, @CurrentAbility() ability: AppAbility) {
    return this.review.release(user, ability, id, dto);
  }

  @ActionRoute(':id/assign', reviewerMay('assign'), 'Lead: assign or reassign to an active rep or lead of the region.')
  assign(
    @SubmissionId() id: string,
    @Body() dto: AssignSubmissionDto,
    @CurrentUser() user: SessionUser,
    @CurrentAbility() ability: AppAbility,
  ) {
    return this.review.assign(user, ability, id, dto);
  }

  @ActionRoute(':id/return', reviewerMay('return'), "CA only: send back for corrections with instructions (the rep's contact is appended).")
  return(
    @SubmissionId() id: string,
    @Body() dto: ReturnSubmissionDto,
    @CurrentUser() user: SessionUser,
    @CurrentAbility() ability: AppAbility,
  ) {
    return this.review.return(user, ability, id, dto);
  }

  @ActionRoute(
    ':id/request-items',
    reviewerMay('requestItems'),
    'Ask the submitter for documents; each item clears when a document of its kind arrives.',
  )
  requestItems(
    @SubmissionId() id: string,
    @Body() dto: RequestItemsDto,
    @CurrentUser() user: SessionUser,
    @CurrentAbility() ability: AppAbility,
  ) {
    return this.review.requestItems(user, ability, id, dto);
  }

  @ActionRoute(':id/approve', reviewerMay('approve'), 'Approve: the partner sees COMPLETED.')
  approve(@SubmissionId() id: string, @Body() dto: VersionDto, @CurrentUser() user: SessionUser, @CurrentAbility() ability: AppAbility) {
    return this.review.approve(user, ability, id, dto);
  }

  @ActionRoute(
    ':id/refer-offline',
    reviewerMay('referOffline'),
    'It must continue outside the system; the reason and where to send it go to the partner.',
  )
  referOffline(
    @SubmissionId() id: string,
    @Body() dto: ReferOfflineDto,
    @CurrentUser() user: SessionUser,
    @CurrentAbility() ability: AppAbility,
  ) {
    return this.review.referOffline(user, ability, id, dto);
  }
}
