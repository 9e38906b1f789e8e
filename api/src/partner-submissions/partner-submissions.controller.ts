import { Body, Controller, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { AppAbility, SessionUser } from '@sbo/shared';
import type { FastifyRequest } from 'fastify';
import { CurrentAbility, CurrentUser, type PolicyHandler } from '../authorization/policies.decorator';
import { ActionRoute, CreateRoute, ReadRoute, RecordId, UpdateRoute } from '../authorization/routes.decorator';
import { CreateSubmissionDto } from '../submissions/create-submission.dto';
import { SubmissionsService } from '../submissions/submissions.service';
import { UpdateSubmissionDto } from '../submissions/update-submission.dto';
import { Idempotent, IdempotencyService, type IdempotentRequest, withUpload } from './idempotency.service';
import { readUpload } from './multipart-upload';
import { PartnerSubmissionListQueryDto } from './partner-submission-list-query.dto';
import { PartnerSubmissionsService } from './partner-submissions.service';

/** Only partners submit: it tells the partner routes apart from staff, who also read and create. */
const partnerMay =
  (action: 'read' | 'create' | 'update' | 'upload' | 'submit' | 'cancel'): PolicyHandler =>
  (ability) =>
    ability.can('submit', 'Submission') && ability.can(action, 'Submission');

const SubmissionId = () => RecordId('Submission');

@ApiTags('partner')
@ApiBearerAuth()
@Controller('partner/submissions')
export class PartnerSubmissionsController {
  constructor(
    private readonly intake: PartnerSubmissionsService,
    private readonly submissions: SubmissionsService,
    private readonly idempotency: IdempotencyService,
  ) {}

  @ReadRoute('', partnerMay('read'), "The firm's transactions with their dashboard status (withdrawn ones are gone).")
  list(@Query() query: PartnerSubmissionListQueryDto, @CurrentAbility() ability: AppAbility) {
    return this.intake.list(ability, query);
  }

  @CreateRoute('', partnerMay('create'), 'Start a transaction (status OPEN).')
  create(
    @Body() dto: CreateSubmissionDto,
    @Idempotent('body') request: IdempotentRequest,
    @CurrentUser() user: SessionUser,
    @CurrentAbility() ability: AppAbility,
  ) {
    return this.idempotency.run(request, (manager) => this.intake.create(user, ability, dto, manager));
  }

  @ReadRoute(':id', partnerMay('read'), 'The transaction with its census summary, documents and what is still missing (problems).')
  get(@SubmissionId() id: string, @CurrentAbility() ability: AppAbility) {
    return this.intake.get(ability, id);
  }

  @UpdateRoute(':id', partnerMay('update'), 'Save changes while OPEN or returned; a stale version is refused with 409.')
  update(
    @SubmissionId() id: string,
    @Body() dto: UpdateSubmissionDto,
    @CurrentUser() user: SessionUser,
    @CurrentAbility() ability: AppAbility,
  ) {
    return this.intake.update(user, ability, id, dto);
  }

  @ReadRoute(':id/census', partnerMay('read'), 'The current census: members kept and the errors of the rows that were not.')
  census(@SubmissionId() id: string, @CurrentAbility() ability: AppAbility) {
    return this.submissions.census(ability, id);
  }

  @CreateRoute(
    ':id/census',
    partnerMay('upload'),
    'Upload the census (CSV or XLSX): good rows are kept, bad ones listed by row and column.',
  )
  @ApiConsumes('multipart/form-data')
  async uploadCensus(
    @SubmissionId() id: string,
    @Req() req: FastifyRequest,
    @Idempotent() request: IdempotentRequest,
    @CurrentUser() user: SessionUser,
    @CurrentAbility() ability: AppAbility,
  ) {
    const upload = await readUpload(req, []);
    return this.idempotency.run(withUpload(request, upload), (manager) =>
      this.intake.uploadCensus(user, ability, id, upload.file, manager),
    );
  }

  @CreateRoute(':id/documents', partnerMay('upload'), 'Attach a document (PDF, PNG or JPEG, up to 10 MB) with its kind.')
  @ApiConsumes('multipart/form-data')
  async uploadDocument(
    @SubmissionId() id: string,
    @Req() req: FastifyRequest,
    @Idempotent() request: IdempotentRequest,
    @CurrentUser() user: SessionUser,
    @CurrentAbility() ability: AppAbility,
  ) {
    const upload = await readUpload(req, ['kind']);
    return this.idempotency.run(withUpload(request, upload), (manager) =>
      this.intake.uploadDocument(user, ability, id, upload, manager),
    );
  }

  @ActionRoute(
    ':id/submit',
    partnerMay('submit'),
    'Submit (or resubmit after a return): PENDING_KP_REVIEW, or 422 naming the rule or what is missing.',
  )
  submit(
    @SubmissionId() id: string,
    @Idempotent() request: IdempotentRequest,
    @CurrentUser() user: SessionUser,
    @CurrentAbility() ability: AppAbility,
  ) {
    return this.idempotency.run(request, (manager) => this.intake.submit(user, ability, id, manager));
  }

  @ActionRoute(':id/cancel', partnerMay('cancel'), 'Withdraw the transaction; it leaves the list.')
  cancel(
    @SubmissionId() id: string,
    @Idempotent() request: IdempotentRequest,
    @CurrentUser() user: SessionUser,
    @CurrentAbility() ability: AppAbility,
  ) {
    return this.idempotency.run(request, (manager) => this.intake.cancel(user, ability, id, manager));
  }
}
