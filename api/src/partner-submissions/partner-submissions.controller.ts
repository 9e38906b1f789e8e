import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AppAbility, SessionUser } from '@sbo/shared';
import type { FastifyRequest } from 'fastify';
import { CheckPolicies, CurrentAbility, CurrentUser, type PolicyHandler } from '../authorization/policies.decorator';
import { notFound } from '../common/app-error';
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

const SubmissionId = () => Param('id', new ParseUUIDPipe({ exceptionFactory: () => notFound('Submission') }));

@ApiTags('partner')
@ApiBearerAuth()
@Controller('partner/submissions')
export class PartnerSubmissionsController {
  constructor(
    private readonly intake: PartnerSubmissionsService,
    private readonly submissions: SubmissionsService,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Get()
  @CheckPolicies(partnerMay('read'))
  @ApiOperation({ summary: "The firm's transactions with their dashboard status (withdrawn ones are gone)." })
  list(@Query() query: PartnerSubmissionListQueryDto, @CurrentAbility() ability: AppAbility) {
    return this.intake.list(ability, query);
  }

  @Post()
  @HttpCode(201)
  @CheckPolicies(partnerMay('create'))
  @ApiOperation({ summary: 'Start a transaction (status OPEN).' })
  create(
    @Body() dto: CreateSubmissionDto,
    @Idempotent('body') request: IdempotentRequest,
    @CurrentUser() user: SessionUser,
    @CurrentAbility() ability: AppAbility,
  ) {
    return this.idempotency.run(request, (manager) => this.intake.create(user, ability, dto, manager));
  }

  @Get(':id')
  @CheckPolicies(partnerMay('read'))
  @ApiOperation({ summary: 'The transaction with its census summary, documents and what is still missing (problems).' })
  get(@SubmissionId() id: string, @CurrentAbility() ability: AppAbility) {
    return this.intake.get(ability, id);
  }

  @Patch(':id')
  @CheckPolicies(partnerMay('update'))
  @ApiOperation({ summary: 'Save changes while OPEN or returned; a stale version is refused with 409.' })
  update(
    @SubmissionId() id: string,
    @Body() dto: UpdateSubmissionDto,
    @CurrentUser() user: SessionUser,
    @CurrentAbility() ability: AppAbility,
  ) {
    return this.intake.update(user, ability, id, dto);
  }

  @Get(':id/census')
  @CheckPolicies(partnerMay('read'))
  @ApiOperation({ summary: 'The current census: members kept and the errors of the rows that were not.' })
  census(@SubmissionId() id: string, @CurrentAbility() ability: AppAbility) {
    return this.submissions.census(ability, id);
  }

  @Post(':id/census')
  @HttpCode(201)
  @CheckPolicies(partnerMay('upload'))
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Upload the census (CSV or XLSX): good rows are kept, bad ones listed by row and column.' })
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

  @Post(':id/documents')
  @HttpCode(201)
  @CheckPolicies(partnerMay('upload'))
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Attach a document (PDF, PNG or JPEG, up to 10 MB) with its kind.' })
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

  @Post(':id/submit')
  @HttpCode(200)
  @CheckPolicies(partnerMay('submit'))
  @ApiOperation({ summary: 'Submit (or resubmit after a return): PENDING_KP_REVIEW, or 422 naming the rule or what is missing.' })
  submit(
    @SubmissionId() id: string,
    @Idempotent() request: IdempotentRequest,
    @CurrentUser() user: SessionUser,
    @CurrentAbility() ability: AppAbility,
  ) {
    return this.idempotency.run(request, (manager) => this.intake.submit(user, ability, id, manager));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @CheckPolicies(partnerMay('cancel'))
  @ApiOperation({ summary: 'Withdraw the transaction; it leaves the list.' })
  cancel(
    @SubmissionId() id: string,
    @Idempotent() request: IdempotentRequest,
    @CurrentUser() user: SessionUser,
    @CurrentAbility() ability: AppAbility,
  ) {
    return this.idempotency.run(request, (manager) => this.intake.cancel(user, ability, id, manager));
  }
}
