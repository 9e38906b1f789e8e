import { Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { asSubject, isPartnerRole, REGION_NAMES, type Region, type SessionUser } from '@sbo/shared';
import { Title, useGetOne, usePermissions } from 'react-admin';
import { useAbility } from '../auth/ability';
import { Detail } from '../common/details';
import { PartnerHome } from '../partner';
import { ReviewHome } from '../submissions/review-home';
import { ROLE_GUIDE, ROLE_LABELS } from './role-guide';

const listFormat = new Intl.ListFormat('en', { type: 'conjunction' });

/** The region policy in the user's own regions, read from CASL rather than restated: CA returns, the others correct. */
function useRegionPolicy(regions: Region[]): string[] {
  const ability = useAbility();
  const returns = regions.filter((region) => ability.can('return', asSubject('Submission', { region })));
  const corrects = regions.filter((region) => ability.can('correct', asSubject('Submission', { region })));
  return [
    ...(returns.length ? [`In ${listFormat.format(returns)} you return a submission for corrections; you never edit it.`] : []),
    ...(corrects.length ? [`In ${listFormat.format(corrects)} you correct a submission in place, with a reason; you never return it.`] : []),
  ];
}

/** The firm's name when the API shows it to this user, its ID otherwise. */
function FirmName({ firmId }: { firmId: string }) {
  const ability = useAbility();
  const { data: firm } = useGetOne<{ id: string; name: string }>(
    'firms',
    { id: firmId },
    { enabled: ability.can('read', asSubject('Firm', { id: firmId })) },
  );
  return <>{firm?.name ?? firmId}</>;
}

const Chips = ({ labels }: { labels: string[] }) => (
  <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
    {labels.map((label) => (
      <Chip key={label} label={label} size="small" />
    ))}
  </Stack>
);

/**
 * Home page: the review home for reps and leads, the broker dashboard for partners (its own lazily
 * loaded chunk); for the other roles, who is logged in and what each role does here.
 */
export function Dashboard() {
  const { permissions: user } = usePermissions<SessionUser>();
  if (!user) return null;
  if (user.roles.some(isPartnerRole)) return <PartnerHome />;
  return user.roles.some((role) => role === 'rep' || role === 'lead') ? <ReviewHome user={user} /> : <RoleHome user={user} />;
}

function RoleHome({ user }: { user: SessionUser }) {
  const regionPolicy = useRegionPolicy(user.regions);

  return (
    <Stack spacing={2} sx={{ mt: 2, maxWidth: 900 }}>
      <Title title="Home" />
      <Card>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            Welcome, {user.name}
          </Typography>
          <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 1, alignItems: 'center', m: 0 }}>
            <Detail label="Email">{user.email}</Detail>
            <Detail label={user.roles.length > 1 ? 'Roles' : 'Role'}>
              <Chips labels={user.roles.map((role) => ROLE_LABELS[role] ?? role)} />
            </Detail>
            {user.regions.length > 0 && (
              <Detail label={user.regions.length > 1 ? 'Regions' : 'Region'}>
                <Chips labels={user.regions.map((region) => `${REGION_NAMES[region] ?? region} (${region})`)} />
              </Detail>
            )}
            {user.firmId && (
              <Detail label="Firm">
                <FirmName firmId={user.firmId} />
              </Detail>
            )}
          </Box>
        </CardContent>
      </Card>

      <Card>
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            What you can do here
          </Typography>
          {user.roles.map((role) => (
            <Box key={role} component="section" sx={{ '& + &': { mt: 2 } }}>
              <Typography variant="subtitle2" component="h3" sx={{ fontWeight: 600 }}>
                {ROLE_LABELS[role] ?? role}
              </Typography>
              <Box component="ul" sx={{ my: 0.5, pl: 3 }}>
                {(ROLE_GUIDE[role] ?? []).map((line) => (
                  <Typography key={line} component="li" variant="body2">
                    {line}
                  </Typography>
                ))}
              </Box>
            </Box>
          ))}
          {regionPolicy.map((line) => (
            <Typography key={line} variant="body2" sx={{ mt: 2 }}>
              {line}
            </Typography>
          ))}
        </CardContent>
      </Card>
    </Stack>
  );
}
