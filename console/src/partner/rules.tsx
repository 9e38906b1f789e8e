import { Alert, AlertTitle, Box, Link as MuiLink, Stack, Typography } from '@mui/material';
import type { PaymentMethod, Region, SubmissionProblem, SubmissionType } from '@sbo/shared';
import { type ReactNode, useEffect, useState } from 'react';
import { Link, useDataProvider } from 'react-admin';
import type { ContactRecord } from '../contacts/contact-types';
import type { AppDataProvider } from '../data/data-provider';
import type { ApiFailure } from './api';
import { stepPath } from './api';
import { DEFAULT_SEP_WINDOW, RULE_NAMES, STEP_LABELS, stepOfField } from './labels';

const longDate = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'long', day: 'numeric', year: 'numeric' });
export const formatDate = (isoDate: string) => longDate.format(new Date(`${isoDate}T00:00:00Z`));

/** Today as YYYY-MM-DD in the browser's time zone (the API judges on the region's; near midnight they may differ by a day). */
export const localToday = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

export interface RuleInput {
  type: SubmissionType;
  region: Region | undefined;
  requestedEffectiveDate: string | null | undefined;
  paymentMethod: PaymentMethod | null | undefined;
  multiMarket: boolean | undefined;
  guaranteedAvailability: boolean | undefined;
}

/** The new-group cutoff for an effective date, from the region's calendar (`GET /api/calendar/submission-deadline`). */
function useDeadline(region: Region | undefined, effectiveDate: string | null | undefined, enabled: boolean) {
  const dataProvider = useDataProvider<AppDataProvider>();
  const [deadline, setDeadline] = useState<{ for: string; deadline: string }>();
  const valid = enabled && region && effectiveDate && /^\d{4}-\d{2}-\d{2}$/.test(effectiveDate);
  useEffect(() => {
    if (!valid) return undefined;
    const controller = new AbortController();
    const query = new URLSearchParams({ region: region!, effectiveDate: effectiveDate! });
    dataProvider
      .apiFetch<{ deadline: string }>(`/calendar/submission-deadline?${query}`, { signal: controller.signal })
      .then(({ deadline: d }) => setDeadline({ for: `${region}:${effectiveDate}`, deadline: d }))
      .catch(() => undefined);
    return () => controller.abort();
  }, [dataProvider, valid, region, effectiveDate]);
  return valid && deadline?.for === `${region}:${effectiveDate}` ? deadline.deadline : undefined;
}

export const ContactLine = ({ contact }: { contact: ContactRecord | undefined }) =>
  contact ? (
    <>
      {contact.label}: <MuiLink href={`mailto:${contact.email}`}>{contact.email}</MuiLink>
      {contact.phone ? `, ${contact.phone}` : ''}
    </>
  ) : (
    <>your region's new-business enrollment team</>
  );

/**
 * The intake rules that apply to this transaction as it stands, shown while the partner types
 * (docs/product.md, "Intake rules"): the deadline of its effective date, the SEP window, CA's EFT and
 * multi-market going offline. Notes, not errors: the API decides when the partner submits.
 */
export function RulesPanel({ input, contact }: { input: RuleInput; contact: ContactRecord | undefined }) {
  const isNewGroup = input.type === 'NEW_GROUP';
  const deadline = useDeadline(input.region, input.requestedEffectiveDate, isNewGroup);
  const today = localToday();
  const notes: { key: string; severity: 'info' | 'warning'; title: string; text: ReactNode }[] = [];

  if (input.multiMarket) {
    notes.push({
      key: 'multi',
      severity: 'warning',
      title: RULE_NAMES.MULTI_MARKET_OFFLINE,
      text: (
        <>
          The portal does not take multi-market groups: send this one offline to <ContactLine contact={contact} />.
        </>
      ),
    });
  }
  if (input.region === 'CA') {
    notes.push(
      input.paymentMethod === 'EFT'
        ? { key: 'eft', severity: 'info', title: RULE_NAMES.CA_EFT_REQUIRED, text: 'Attach the signed EFT authorization on the Documents step.' }
        : {
            key: 'eft',
            severity: 'warning',
            title: RULE_NAMES.CA_EFT_REQUIRED,
            text: (
              <>
                California groups must pay by EFT; a check copy cannot replace it. Choose EFT, or send the group offline to{' '}
                <ContactLine contact={contact} />.
              </>
            ),
          },
    );
  }
  if (input.guaranteedAvailability) {
    const md = today.slice(5);
    const open = md >= DEFAULT_SEP_WINDOW.start && md <= DEFAULT_SEP_WINDOW.end;
    notes.push({
      key: 'sep',
      severity: open ? 'info' : 'warning',
      title: RULE_NAMES.SEP_WINDOW_CLOSED,
      text: `A guaranteed-availability group is accepted only during the special enrollment period (${DEFAULT_SEP_WINDOW.text}). ${
        open ? 'The period is open today.' : 'The period is closed today: submit it when it opens, or clear the flag if the group meets the usual requirements.'
      }`,
    });
  }
  if (isNewGroup && input.requestedEffectiveDate && deadline) {
    const late = today > deadline;
    notes.push({
      key: 'deadline',
      severity: late ? 'warning' : 'info',
      title: RULE_NAMES.LATE_SUBMISSION,
      text: late ? (
        <>
          A new group effective {formatDate(input.requestedEffectiveDate)} had to be submitted by {formatDate(deadline)} (the 5th
          business day of its month): the portal will refuse it. Choose a later effective date, or send it offline to{' '}
          <ContactLine contact={contact} /> as a late submission.
        </>
      ) : (
        <>
          Submit by {formatDate(deadline)} (the 5th business day of the effective month) for coverage from{' '}
          {formatDate(input.requestedEffectiveDate)}.
        </>
      ),
    });
  }
  if (notes.length === 0) return null;
  return (
    <Stack spacing={1} component="section" aria-label="Rules that apply">
      {notes.map((n) => (
        <Alert key={n.key} severity={n.severity} role="note">
          <AlertTitle>{n.title}</AlertTitle>
          {n.text}
        </Alert>
      ))}
    </Stack>
  );
}

/** What is still missing, each with a link to the step that fixes it. */
export function ProblemList({ id, problems, label = 'What is still missing' }: { id: string; problems: SubmissionProblem[]; label?: string }) {
  return (
    <Box component="ul" aria-label={label} sx={{ m: 0, pl: 2.5 }}>
      {problems.map((p) => (
        <Typography component="li" variant="body2" key={`${p.code}-${p.field}`} sx={{ mb: 0.5 }}>
          {p.message}{' '}
          <Link to={stepPath(id, stepOfField(p.field))}>Fix it in {STEP_LABELS[stepOfField(p.field)]}</Link>
        </Typography>
      ))}
    </Box>
  );
}

/** A submit the API refused (422): the rule by name, the API's explanation and the way forward. */
export function RefusalAlert({ id, failure, contact }: { id: string; failure: ApiFailure; contact: ContactRecord | undefined }) {
  const name = failure.code ? RULE_NAMES[failure.code] : undefined;
  const offline = failure.code && failure.code !== 'INCOMPLETE_SUBMISSION' && RULE_NAMES[failure.code];
  return (
    <Alert severity="error" role="alert" aria-label="Submission refused">
      <AlertTitle>
        Not submitted{name ? `: ${name}` : ''}
        {failure.code ? ` (${failure.code})` : ''}
      </AlertTitle>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {failure.message}
      </Typography>
      {failure.problems && failure.problems.length > 0 && <ProblemList id={id} problems={failure.problems} />}
      {offline && (
        <Typography variant="body2">
          The way forward: send it offline to <ContactLine contact={contact} />. Everything you entered is saved here.
        </Typography>
      )}
    </Alert>
  );
}
