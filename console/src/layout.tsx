import InsightsIcon from '@mui/icons-material/Insights';
import type { ReactNode } from 'react';
import { Layout, Menu } from 'react-admin';
import { useAbility } from './auth/ability';

/** The role-aware menu: home, the resources the person may list, and the lead's turnaround dashboard. */
function AppMenu() {
  const ability = useAbility();
  return (
    <Menu>
      <Menu.DashboardItem primaryText="Home" />
      <Menu.ResourceItems />
      {ability.can('read', 'Metrics') && <Menu.Item to="/turnaround" primaryText="Turnaround" leftIcon={<InsightsIcon />} />}
    </Menu>
  );
}

export const AppLayout = ({ children }: { children: ReactNode }) => <Layout menu={AppMenu}>{children}</Layout>;
