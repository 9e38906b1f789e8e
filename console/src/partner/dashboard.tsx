import { Alert, Box, Button, Card, CardContent, CardHeader, Stack, Typography } from '@mui/material';
import { REGION_NAMES } from '@sbo/shared';
import { useState } from 'react';
import { Link, Title, useCreatePath, useLocation } from 'react-admin';
import { useAbility } from '../auth/ability';
import { STARTABLE_TYPES } from './labels';
import { TransactionsList } from './transactions-list';
import { PARTNER_RESOURCE, partnerSubject, usePartner } from './use-partner';

const cardTitle = { title: { variant: 'h6', component: 'h2' } } as const;

/** What the wizard tells the dashboard after leaving it (a cancelled transaction), shown once. */
export interface DashboardNotice {
  notice?: string;
}

/** Section 1: start a transaction of a type the firm's region sells, in the wizard. */
function QuoteAndEnroll() {
  const { user, region } = usePartner();
  const ability = useAbility();
  const createPath = useCreatePath();
  const may = region !== undefined && ability.can('create', partnerSubject({ region, channel: 'PORTAL' }, user));
  const types = STARTABLE_TYPES.filter((t) => region !== undefined && (!t.regions || t.regions.includes(region)));
  return (
    <Card component="section" aria-labelledby="quote-and-enroll">
      <CardHeader id="quote-and-enroll" title="Quote and enroll new clients" slotProps={cardTitle} sx={{ pb: 0 }} />
      <CardContent>
        <Typography variant="body2" sx={{ mb: 1.5 }}>
          Start a transaction for a small business{region ? ` in ${REGION_NAMES[region]}` : ''}: you can save it and come back to it
          from Recent transactions until you submit it.
        </Typography>
        {may ? (
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {types.map(({ type, label }) => (
              <Button
                key={type}
                variant={type === 'NEW_GROUP' ? 'contained' : 'outlined'}
                component={Link}
                to={`${createPath({ resource: PARTNER_RESOURCE, type: 'create' })}?type=${type}`}
              >
                {`Start a ${label.toLowerCase()}`}
              </Button>
            ))}
          </Stack>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {region ? 'Your account may not start transactions.' : 'Loading your firm…'}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}

/** The partner's home: the broker dashboard (shared/seeds/broker-dashboard-guide.txt). Renewals come with the book of business. */
export function PartnerDashboard() {
  const { user, firm } = usePartner();
  const location = useLocation();
  const [notice, setNotice] = useState(() => (location.state as DashboardNotice | null)?.notice);
  if (!user) return null;
  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 3 }}>
      <Title title="Broker dashboard" />
      <Box>
        <Typography variant="h5" component="h1">
          Welcome, {user.name}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {user.email}
          {firm ? ` · ${firm.name} (${REGION_NAMES[firm.region]})` : ''}
        </Typography>
      </Box>
      {notice && (
        <Alert severity="success" role="status" onClose={() => setNotice(undefined)}>
          {notice}
        </Alert>
      )}
      <QuoteAndEnroll />
      <Card component="section" aria-labelledby="recent-transactions">
        <CardHeader id="recent-transactions" title="Recent transactions" slotProps={cardTitle} sx={{ pb: 0 }} />
        <CardContent>
          <Typography variant="body2" sx={{ mb: 1 }}>
            Open transactions were saved before submitting: open one from its ID to continue. Pending KP review ones are with the
            carrier; Action required ones need something from you: open one from its ID to see the instructions and act on them; Completed ones are approved.
          </Typography>
          <TransactionsList embedded />
        </CardContent>
      </Card>
    </Stack>
  );
}
